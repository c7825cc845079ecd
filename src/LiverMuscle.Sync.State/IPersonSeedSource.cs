namespace LiverMuscle.Sync.State;

/// <summary>
/// Configuration that names people (<c>Markers:Users:ID</c>, <c>Adherence:Users:ID</c>, …). Each id named is
/// added to the state store, with UTC until a provider tells, the first time the store is used; its configured
/// values stay in effect for what the person has not set themselves.
/// </summary>
public interface IPersonSeedSource
{
    /// <summary>The ids named, with the configuration key that names each (e.g. <c>Markers:Users:alice</c>).</summary>
    IEnumerable<(string PersonId, string Key)> Seeds { get; }
}
