using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>What the one-shot verbs print: a sync summary line, and a failure on stderr with its exit code.</summary>
internal static class VerbOutput
{
    public static string Describe(SyncRunSummary summary) => SyncRunDescription.Describe(summary);

    /// <summary>
    /// The exit code of runs: <see cref="ExitCodes.Failed"/> when one failed, else <see cref="ExitCodes.Spooled"/>
    /// while batches wait in the spool, else <see cref="ExitCodes.SomeRejected"/> when records were skipped or refused.
    /// </summary>
    public static int ExitCodeOf(IReadOnlyCollection<SyncRunSummary> summaries) =>
        summaries.Any(s => s.Outcome == SyncOutcome.Failed) ? ExitCodes.Failed
        : summaries.Any(s => s.SpooledBatches > 0) ? ExitCodes.Spooled
        : summaries.Any(s => s.Outcome == SyncOutcome.Partial) ? ExitCodes.SomeRejected
        : ExitCodes.Ok;

    public static async Task<int> FailAsync(int exitCode, string message)
    {
        await Console.Error.WriteLineAsync(message);
        return exitCode;
    }
}
