using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers.GoogleHealth.Import;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// What became of a Fitbit export: the sync run and what the import read, or (<see cref="Problem"/>) why the export
/// was refused as a whole and nothing ran.
/// </summary>
public sealed record FitbitExportOutcome(SyncRunSummary? Run, FitbitImportReport? Report, string? Problem)
{
    /// <summary>Nothing was imported: the export was refused, the run failed or no export file was found.</summary>
    public bool Failed => Run is null || Run.Outcome == SyncOutcome.Failed || Report!.Files == 0;

    /// <summary>Some records were skipped or refused, the others stored.</summary>
    public bool Partial => Run?.Outcome == SyncOutcome.Partial;

    /// <summary>The run and what was read, as the command line prints them.</summary>
    public IReadOnlyList<string> Lines => Run is null || Report is null
        ? []
        :
        [
            SyncRunDescription.Describe(Run),
            $"  from {Report.Files} files: {Report.Sessions} strength sessions and {Report.WeighIns} weigh-ins read, {Report.Ignored} other activities ignored.",
            .. Report.WeightUnit is { } unit ? [$"  weight-*.json read in {unit}."] : Array.Empty<string>(),
        ];

    public static FitbitExportOutcome Refused(string problem) => new(null, null, problem);
}
