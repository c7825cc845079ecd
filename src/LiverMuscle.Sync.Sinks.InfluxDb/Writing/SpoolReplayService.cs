using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Drains the write spool: at start (what a killed worker left) and then every <c>InfluxDb:ReplayInterval</c>
/// while batches wait, once <c>/ping</c> answers.
/// </summary>
internal sealed class SpoolReplayService(
    SpoolingBatchSender spool,
    IInfluxQueryClient influx,
    IOptions<InfluxDbOptions> options,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            if ((first || spool.SpooledCount > 0) && await influx.PingAsync(stoppingToken) is not null)
            {
                await spool.ReplayAsync(stoppingToken);
                first = false;
            }

            await Task.Delay(options.Value.ReplayInterval, time, stoppingToken);
        }
    }
}
