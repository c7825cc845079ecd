using LiverMuscle.Sync.Pipeline;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// What became of an entry or an upload, in a shape a page can list: what was stored, every entry that was not with
/// its reason, columns of an upload that were not read, and the sync run that wrote it (null when nothing was valid
/// and nothing ran).
/// </summary>
public sealed record ManualEntryResult(IReadOnlyList<StoredEntry> Stored, IReadOnlyList<EntryError> Errors, IReadOnlyList<string> IgnoredColumns, SyncRunSummary? Run)
{
    /// <summary>Everything given was stored.</summary>
    public bool Complete => Errors.Count == 0 && Run is { Outcome: State.SyncOutcome.Ok };
}
