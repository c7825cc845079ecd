using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.People;

/// <summary>
/// What removing a person did: whether they were known, each provider's revocation, the state rows and InfluxDB
/// series erased, what stopped the InfluxDB part (to be run again), and the configuration keys that still name them.
/// </summary>
public sealed record PersonErasure(
    string PersonId,
    bool Known,
    IReadOnlyList<RevocationResult> Revocations,
    StateErasure State,
    IReadOnlyDictionary<string, int> Series,
    string? InfluxError,
    IReadOnlyList<string> SeededBy)
{
    /// <summary>Every state row and series is gone (revocations may still have failed; they are reported).</summary>
    public bool Complete => InfluxError is null;
}
