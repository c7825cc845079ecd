using System.Globalization;
using LiverMuscle.Sync.Pipeline;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>What the one-shot verbs print: a sync summary line, and a failure on stderr with its exit code.</summary>
internal static class VerbOutput
{
    public static string Describe(SyncRunSummary summary) =>
        $"{summary.Provider} for {summary.UserId}: {summary.Outcome}, {summary.Records} records, {summary.Requests} requests, "
        + $"{summary.Rejected} skipped or rejected, {summary.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        + (summary.Error is { } error ? $"{Environment.NewLine}  {error}" : string.Empty);

    public static async Task<int> FailAsync(int exitCode, string message)
    {
        await Console.Error.WriteLineAsync(message);
        return exitCode;
    }
}
