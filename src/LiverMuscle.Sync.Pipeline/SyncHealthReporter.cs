using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>
/// Writes a run's outcome to <c>sync_run</c> and the connection's health to <c>sync_health</c>, with the spool depth
/// the run ended with and the data kinds its grant leaves out (<c>not_granted</c>, comma-separated, empty when none)
/// and how to grant them.
/// </summary>
public sealed class SyncHealthReporter(IPointSink sink, ITokenStore tokens, IRequestBudget budget, IEnumerable<IDataKindGrants> grants, TimeProvider time)
{
    public async Task WriteAsync(SyncRunSummary run, int spoolDepth, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var runPoint = PointBuilder.For(Measurements.SyncRun)
            .Tag(TagNames.User, run.UserId)
            .Tag(TagNames.Provider, run.Provider)
            .Tag(TagNames.Outcome, run.Outcome.ToString().ToLowerInvariant())
            .Field(FieldNames.SyncRun.Records, run.Records)
            .Field(FieldNames.SyncRun.Requests, run.Requests)
            .Field(FieldNames.SyncRun.Rejected, run.Rejected)
            .Field(FieldNames.SyncRun.DurationMs, (long)run.Duration.TotalMilliseconds)
            .Field(FieldNames.SyncRun.Error, run.Error)
            .At(now)
            .Build();

        var connection = await tokens.GetAsync(run.UserId, run.Provider, cancellationToken);
        var snapshot = await budget.GetSnapshotAsync(run.Provider, run.UserId, cancellationToken);
        var notGranted = connection is null ? [] : grants.Where(g => g.Provider == run.Provider).SelectMany(g => g.NotGranted(connection)).ToList();
        var healthPoint = PointBuilder.For(Measurements.SyncHealth)
            .Tag(TagNames.User, run.UserId)
            .Tag(TagNames.Provider, run.Provider)
            .Field(FieldNames.SyncHealth.NeedsReauthorization, connection?.Status == ConnectionStatus.NeedsReauthorization)
            .Field(FieldNames.SyncHealth.TokenExpiresInS, connection?.Token is { } token ? (long)(token.AccessTokenExpiresAt - now).TotalSeconds : null)
            .Field(FieldNames.SyncHealth.BudgetRemaining, snapshot.Limit == int.MaxValue ? null : snapshot.Remaining)
            .Field(FieldNames.SyncHealth.BudgetLimit, snapshot.Limit == int.MaxValue ? null : snapshot.Limit)
            .Field(FieldNames.SyncHealth.SpoolDepth, (long)spoolDepth)
            .Field(FieldNames.SyncHealth.NotGranted, string.Join(",", notGranted.Select(n => n.DataKind)))
            .Field(FieldNames.SyncHealth.Message, connection?.StatusReason ?? run.Error ?? (notGranted.Count == 0 ? null : string.Join("; ", notGranted.Select(n => n.Remedy))))
            .At(now)
            .Build();

        await sink.WriteAsync([runPoint, healthPoint], cancellationToken);
    }
}
