using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.Writing;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// <c>produce</c>: writes <c>--count</c> deterministic points through the sink like a sync does, saving its progress
/// cursor only after each batch is durable; restarted after a kill it resumes from that cursor, and the sink
/// replays whatever the killed process had spooled. Exits 0 once everything is in InfluxDB, or, with
/// <c>--drain no</c>, once everything is durable (in InfluxDB or in the spool).
/// </summary>
internal static class ProduceCommand
{
    private const string Provider = "bench";
    private const string Kind = "produce";

    public static async Task<int> RunAsync(Uri influx, string database, string statePath, long count, int batch, bool drain)
    {
        using var host = SinkHost.Create(influx, database, statePath);
        await host.StartAsync();
        var sink = host.Services.GetRequiredService<IPointSink>();
        var cursors = host.Services.GetRequiredService<ISyncCursorStore>();
        var saved = await cursors.GetAsync(Provider, Provider, Kind, CancellationToken.None);
        var next = saved is null ? 0 : long.Parse(saved.Value, CultureInfo.InvariantCulture);
        Console.WriteLine($"resuming at {next}");
        while (next < count)
        {
            var size = (int)Math.Min(batch, count - next);
            await sink.WriteAsync(SyntheticPoints.Range(next, size), CancellationToken.None);
            next += size;
            await cursors.SetAsync(new SyncCursor(Provider, Provider, Kind, next.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch), CancellationToken.None);
            Console.WriteLine($"written {next}");
        }

        var spool = host.Services.GetRequiredService<SpoolingBatchSender>();
        while (drain && await spool.ReplayAsync(CancellationToken.None) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Console.WriteLine("done");
        await host.StopAsync();
        return 0;
    }
}
