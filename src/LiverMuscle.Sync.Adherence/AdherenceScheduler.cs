using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

/// <summary>
/// Recomputes recent weeks of every user at start and then every <see cref="AdherenceOptions.RecomputeInterval"/>;
/// a database that does not exist yet means no data yet.
/// </summary>
internal sealed class AdherenceScheduler(AdherenceService adherence, IOptions<AdherenceOptions> options, TimeProvider time, ILogger<AdherenceScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecomputeInterval, time);
        do
        {
            try
            {
                await adherence.RecomputeRecentAsync(stoppingToken);
            }
            catch (InfluxQueryException e) when (IsDatabaseMissing(e))
            {
                // A fresh InfluxDB: the database appears with the first write, so there is nothing to recompute yet.
                Log.NoDataYet(logger, e.Reason);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ScheduledRecomputeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static bool IsDatabaseMissing(InfluxQueryException e) => e.Reason.Contains("database not found", StringComparison.OrdinalIgnoreCase);
}
