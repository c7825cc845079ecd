using System.CommandLine;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Preview;

/// <summary>
/// <c>dashboards preview</c>: PNGs of every panel from the configured InfluxDB, or with <c>--demo</c> from a private
/// InfluxDB holding the demo history (plus what adherence, alerts and sync would have written).
/// </summary>
internal static class PreviewRunner
{
    public static async Task<int> RunAsync(ParseResult parse, DirectoryInfo output, string user, int days, bool demo, TextWriter log, CancellationToken cancellationToken)
    {
        var scratch = demo ? Directory.CreateTempSubdirectory("livermuscle-preview-") : null;
        LocalInfluxDbServer? influx = null;
        try
        {
            var builder = WorkerHost.CreateBuilder(parse);
            if (scratch is not null)
            {
                influx = await LocalInfluxDbServer.StartNewAsync(Path.Combine(scratch.FullName, "influxdb"), cancellationToken);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["InfluxDb:Url"] = influx.Url.ToString(),
                    ["State:Path"] = Path.Combine(scratch.FullName, "state.db"),
                });
            }

            await using var app = builder.Build();
            app.Services.GetService<IStartupValidator>()?.Validate();
            var time = app.Services.GetRequiredService<TimeProvider>();
            if (scratch is not null)
            {
                var written = await WriteDemoAsync(app.Services, user, days, time, cancellationToken);
                await log.WriteLineAsync($"Wrote {written} demo points for '{user}' into a private InfluxDB at {influx!.Url}.");
            }

            var preview = new DashboardPreview(app.Services.GetRequiredService<IInfluxQueryClient>(), time);
            var files = await preview.RenderAsync(output, user, TimeSpan.FromDays(days), log, cancellationToken);
            foreach (var file in files)
            {
                await log.WriteLineAsync(file);
            }

            await log.WriteLineAsync($"Rendered {files.Count} panels into {output.FullName}.");
            return 0;
        }
        finally
        {
            if (influx is not null)
            {
                await influx.DisposeAsync();
            }

            scratch?.Delete(recursive: true);
        }
    }

    private static async Task<int> WriteDemoAsync(IServiceProvider services, string user, int days, TimeProvider time, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.Utc;
        var now = time.GetUtcNow();
        var history = new PreviewHistory(user, zone, DateOnly.FromDateTime(now.UtcDateTime), days).Points().ToList();
        var points = history.Concat(DemoExtras.For(user, history, now)).ToList();
        var result = await services.GetRequiredService<IPointSink>().WriteAsync(points, cancellationToken);
        return result.Rejected.Count == 0
            ? result.Accepted
            : throw new InvalidOperationException("Demo points were rejected: " + string.Join("; ", result.Rejected.Select(r => r.Reason)));
    }
}
