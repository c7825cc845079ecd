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
        var providers = new List<ProviderReading>();
        foreach (var provider in ProviderNames.All.Where(runner.Knows))
        {
            providers.Add(await ReadAsync(provider, connections.Where(c => c.Provider == provider).ToList(), cancellationToken));
        }

        return new TelemetrySnapshot(status.SpooledBatches, status.SpooledBytes, status.OldestSpooledAt, status.LastSuccessfulWriteAt, providers);
    }

    private async Task<ProviderReading> ReadAsync(string provider, List<ProviderConnection> connections, CancellationToken cancellationToken)
    {
        var connected = connections.Where(c => c.Status == ConnectionStatus.Connected && c.Token is not null).ToList();
        var expiry = connected.Count == 0 ? (DateTimeOffset?)null : connected.Min(c => c.Token!.AccessTokenExpiresAt);
        int? remaining = null;
        switch (limits.FirstOrDefault(l => l.Provider == provider))
        {
            case { PerApplication: not null }:
                remaining = (await budget.GetSnapshotAsync(provider, null, cancellationToken)).Remaining;
                break;
            case { } perUser:
                remaining = perUser.PerUser ?? 0;
                for (var i = 0; i < connected.Count; i++)
                {
                    var left = (await budget.GetSnapshotAsync(provider, connected[i].UserId, cancellationToken)).Remaining;
                    remaining = i == 0 ? left : Math.Min(remaining.Value, left);
                }

                break;
        }

        return new ProviderReading(provider, expiry, connections.Count(c => c.Status == ConnectionStatus.NeedsReauthorization), remaining);
    }
}
