using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Hosting.Telemetry;

/// <summary>
/// Reads what the gauges show from the state store and the sink (spool depth, last accepted write, connections,
/// request budgets) at start and then every <c>OpenTelemetry:GaugeRefreshInterval</c>, so a scrape never waits on I/O.
/// </summary>
internal sealed class TelemetrySnapshotService(
    SyncMetrics metrics,
    ISinkStatus sink,
    ITokenStore tokens,
    IRequestBudget budget,
    IEnumerable<ProviderRateLimit> limits,
    SyncRunner runner,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<TelemetrySnapshotService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.GaugeRefreshInterval, time);
        do
        {
            try
            {
                metrics.Update(await ReadAsync(stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The gauges keep their last figures; the next round tries again.
                Log.GaugeRefreshFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<TelemetrySnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var status = await sink.GetAsync(cancellationToken);
        var connections = await tokens.ListAsync(cancellationToken);
        var providers = ProviderNames.All.Where(runner.Knows)
            .Select(provider => Read(provider, connections.Where(c => c.Provider == provider).ToList()))
            .ToList();
        return new TelemetrySnapshot(status.SpooledBatches, status.SpooledBytes, status.OldestSpooledAt, status.LastSuccessfulWriteAt, providers);
    }

    private ProviderReading Read(string provider, List<ProviderConnection> connections)
    {
        var connected = connections.Where(c => c.Status == ConnectionStatus.Connected && c.Token is not null).ToList();
        var expiry = connected.Count == 0 ? (DateTimeOffset?)null : connected.Min(c => c.Token!.AccessTokenExpiresAt);
        int? remaining = limits.FirstOrDefault(l => l.Provider == provider) switch
        {
            null => (int?)null,
            { PerApplication: not null } => budget.GetSnapshot(provider, null).Remaining,
            var perUser => connected.Select(c => budget.GetSnapshot(provider, c.UserId).Remaining).DefaultIfEmpty(perUser.PerUser ?? 0).Min(),
        };
        return new ProviderReading(provider, expiry, connections.Count(c => c.Status == ConnectionStatus.NeedsReauthorization), remaining);
    }
}
