using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Drains the write spool every <c>InfluxDb:ReplayInterval</c> while it holds batches — what a killed worker left,
/// and what other processes on the same store kept — and tells the <see cref="IWritesDurableHandler"/>s at start and
/// whenever the spool has become empty.
/// </summary>
internal sealed class SpoolReplayService(
    SpoolingBatchSender sender,
    IWriteSpool spool,
    IEnumerable<IWritesDurableHandler> handlers,
    IOptions<InfluxDbOptions> options,
    TimeProvider time,
    ILogger<SpoolReplayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waited = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var waiting = await spool.CountAsync(stoppingToken) > 0 ? await sender.ReplayAsync(stoppingToken) : 0;
                if (waiting == 0 && waited)
                {
                    foreach (var handler in handlers)
                    {
                        await handler.OnWritesDurableAsync(stoppingToken);
                    }
                }

                waited = waiting > 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ReplayFailed(logger, e);
            }

            await Task.Delay(options.Value.ReplayInterval, time, stoppingToken);
        }
    }
}
