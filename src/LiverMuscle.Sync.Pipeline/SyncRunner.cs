using System.Diagnostics;
using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>
/// Runs the sources of one provider for one user (those of the data kinds the request names, or all of them) side by
/// side, each reading its next batch while its current one is written: each batch's deletions are applied, then its
/// points written, and only then is its cursor saved, so a crash re-reads at most one batch and never skips one. A
/// kind that fails does not stop the others; one that finds the connection needs re-authorisation does. A record
/// several reads of the run served is written and counted once (<see cref="RunRecords"/>), and records are counted as
/// each batch lands. Records that could not be normalised and points InfluxDB refused are logged by name; a run that
/// left points in the write spool is Partial and says how many batches wait. The run's outcome, with every request it
/// sent, is recorded and written to <c>sync_run</c>; the completion handlers run once its points are in InfluxDB.
/// </summary>
public sealed class SyncRunner(
    IEnumerable<ISyncSource> sources,
    IPointSink sink,
    ISinkStatus sinkStatus,
    ISyncCursorStore cursors,
    ISyncRunLog runs,
    SyncHealthReporter health,
    DeferredCompletions completions,
    SyncMetrics metrics,
    TimeProvider time,
    ILogger<SyncRunner> logger)
{
    private readonly ILookup<string, ISyncSource> _sources = sources.ToLookup(s => s.Provider, StringComparer.Ordinal);

    public bool Knows(string provider) => _sources.Contains(provider);

    public Task<SyncRunSummary> RunAsync(
        string userId,
        string provider,
        SyncMode mode,
        DateTimeOffset? since,
        DateTimeOffset? until,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken) =>
        RunAsync(new SyncRequest(userId, null, mode, since, until), provider, progress, cancellationToken);

    public Task<SyncRunSummary> RunAsync(SyncRequest request, string provider, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(request, provider, [.. _sources[provider].Where(s => request.Includes(s.DataKind))], progress, cancellationToken);

    /// <summary>Runs a source that is not one of the registered ones (an import of files), exactly like those.</summary>
    public Task<SyncRunSummary> RunAsync(SyncRequest request, ISyncSource source, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(request, source.Provider, [source], progress, cancellationToken);

    private async Task<SyncRunSummary> RunAsync(SyncRequest request, string provider, IReadOnlyList<ISyncSource> sources, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        request = request with { Requests = new RequestTally() };
        using var span = SyncTelemetry.StartSyncRun(provider, request.Mode.ToString());
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var tallies = sources.Select(_ => new RunTally()).ToArray();
        var failures = new string?[sources.Count];
        var kindsProgress = progress is null ? null : new RunProgress(progress, sources.Count);

        // The data kinds read side by side; a connection that needs re-authorisation stops them all.
        using var reauthorization = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fatal = 0;
        await Task.WhenAll(sources.Select(async (source, i) =>
        {
            try
            {
                await RunSourceAsync(source, request, tallies[i], kindsProgress?.Of(i), reauthorization.Token);
            }
            catch (ReauthorizationRequiredException e)
            {
                if (Interlocked.Exchange(ref fatal, 1) == 0)
                {
                    failures[i] = e.Message;
                    await reauthorization.CancelAsync();
                }
            }
            catch (Exception) when (Volatile.Read(ref fatal) == 1 && !cancellationToken.IsCancellationRequested)
            {
                // Stopped by another kind's re-authorisation.
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.SourceFailed(logger, request.UserId, provider, source.DataKind, e);
                failures[i] = $"{source.DataKind}: {e.Message}";
            }
        }));

        var tally = RunTally.Sum(tallies);

        // Points kept earlier in the run may have been replayed since: what counts is what still waits.
        var waiting = (await sinkStatus.GetAsync(cancellationToken)).SpooledBatches;
        var spooled = tally.Spooled > 0 || tally.Deletions > 0 ? waiting : 0;
        var problems = failures.OfType<string>().ToList();
        var failed = problems.Count;
        if (tally.Problems > 0)
        {
            problems.Add($"{tally.Problems} records skipped or rejected");
        }

        if (spooled > 0)
        {
            problems.Add($"{spooled} batches spooled, waiting for InfluxDB");
        }

        // A run whose every record was skipped or refused failed, even though each source ran to its end.
        var outcome = problems.Count == 0 ? SyncOutcome.Ok
            : fatal == 1 || (tally.Records == 0 && (failed > 0 || tally.Problems > 0)) ? SyncOutcome.Failed
            : SyncOutcome.Partial;
        var error = problems.Count > 0 ? string.Join("; ", problems) : null;
        var requests = request.Requests.Count;
        var summary = new SyncRunSummary(request.UserId, provider, outcome, tally.Records, requests, tally.Problems, clock.Elapsed, error, spooled);
        await Task.WhenAll(
            runs.RecordAsync(new SyncRunRecord(request.UserId, provider, outcome, tally.Records, requests, started, time.GetUtcNow(), error), cancellationToken),
            health.WriteAsync(summary, waiting, cancellationToken));
        Log.RunFinished(logger, request.UserId, provider, outcome, tally.Records, requests, clock.ElapsedMilliseconds);
        span?.SetTag(SyncTelemetry.OutcomeKey, summary.OutcomeName);
        metrics.RecordRun(provider, summary.OutcomeName, clock.Elapsed);
        var completed = tally.Records > 0 ? new SyncCompleted(request.UserId, provider, tally.Records, tally.Earliest, tally.Latest) : null;
        await completions.CompleteAsync(completed, durable: waiting == 0, cancellationToken);
        return summary;
    }

    /// <summary>One data kind: the next batch is read while the current one is written, and batches are written in order.</summary>
    private async Task RunSourceAsync(ISyncSource source, SyncRequest request, RunTally tally, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var cursor = await cursors.GetAsync(request.UserId, source.Provider, source.DataKind, cancellationToken);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var records = new RunRecords();
        await foreach (var batch in ReadAhead.ReadAsync(token => source.ReadAsync(request with { Cursor = cursor?.Value }, token), cancellationToken))
        {
            // A record read twice in one run (a change feed, then the window re-read) is skipped once.
            var problems = 0;
            foreach (var error in batch.Errors.Where(e => skipped.Add(e.RecordId)))
            {
                Log.RecordSkipped(logger, request.UserId, source.Provider, error.RecordId, error.Reason);
                problems++;
            }

            // Deletions first: a point rewritten with fewer fields is deleted before it is written again.
            foreach (var deletion in batch.Deletions)
            {
                await sink.DeleteAsync(deletion, cancellationToken);
                records.Forget(deletion);
                tally.Deletions++;
            }

            // A record this run already wrote as it stands (the change feed and the window re-read both served it) is
            // written and counted once.
            var points = records.ToWrite(batch);
            var written = await sink.WriteAsync(points, cancellationToken);
            var fresh = records.Written(batch, points, written);
            problems += written.Rejected.Count;
            tally.Records += fresh;
            tally.Spooled += written.Spooled;
            tally.Problems += problems;
            metrics.RecordRecords(source.Provider, fresh, problems);
            tally.Observe(points);
            metrics.RecordNewestPoint(source.Provider, source.DataKind, points.Select(p => p.Timestamp));

            // Only now is everything before this cursor durable.
            if (batch.Cursor is { } next && request.Mode != SyncMode.Targeted)
            {
                await cursors.SetAsync(new SyncCursor(request.UserId, source.Provider, source.DataKind, next, time.GetUtcNow()), cancellationToken);
            }

            if (batch.OnDurable is { } save)
            {
                await save(cancellationToken);
            }

            if (batch.Progress is { } step)
            {
                progress?.Report(step);
            }
        }
    }
}
