using System.Globalization;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>The one line a sync run is told in, by the command line and the console alike.</summary>
public static class SyncRunDescription
{
    public static string Describe(SyncRunSummary summary) =>
        $"{summary.Provider} for {summary.UserId}: {OutcomeText(summary)}, {summary.Records} records, {summary.Requests} requests, "
        + $"{summary.Rejected} skipped or rejected, {summary.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        + (summary.Error is { } error ? $"{Environment.NewLine}  {error}" : string.Empty);

    private static string OutcomeText(SyncRunSummary summary) =>
        summary.SpooledBatches > 0 ? $"{summary.Outcome}: {summary.SpooledBatches} batches spooled" : summary.Outcome.ToString();
}
