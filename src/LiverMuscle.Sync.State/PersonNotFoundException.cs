namespace LiverMuscle.Sync.State;

/// <summary>Data was offered for a person the state store does not know; the message names how to add them.</summary>
public sealed class PersonNotFoundException(string personId) : Exception(PersonRegistry.Unknown(personId))
{
    public string PersonId { get; } = personId;
}
