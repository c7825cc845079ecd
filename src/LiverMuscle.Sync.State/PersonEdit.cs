namespace LiverMuscle.Sync.State;

/// <summary>The outcome of adding or changing a person: the stored person, or the lines saying what was refused.</summary>
public sealed record PersonEdit(Person? Person, IReadOnlyList<string> Errors, bool Created = false)
{
    public bool Succeeded => Errors.Count == 0;

    public static PersonEdit Failed(string error) => new(null, [error]);
}
