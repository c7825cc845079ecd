using System.CommandLine;
using System.Diagnostics;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>
/// Runs the demo: a private InfluxDB and state store in a temporary directory unless configured, the demo history
/// written through the real sink, then counts read back by InfluxQL next to what was written.
/// </summary>
internal static class DemoRunner
{
    private const int BatchSize = 5_000;

    public static async Task<int> RunAsync(ParseResult parse, string userId, int days, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var scratch = Directory.CreateTempSubdirectory("livermuscle-demo-");
        LocalInfluxDbServer? localInflux = null;
        try
        {
            var builder = WorkerHost.CreateBuilder(parse);
            var overrides = new Dictionary<string, string?>();
            if (builder.Configuration["InfluxDb:Url"] is null)
            {
                localInflux = await LocalInfluxDbServer.StartNewAsync(Path.Combine(scratch.FullName, "influxdb"), cancellationToken);
                overrides["InfluxDb:Url"] = localInflux.Url.ToString();
                await output.WriteLineAsync($"Started a private InfluxDB at {localInflux.Url} (data in {localInflux.DataDirectory}).");
            }

            if (builder.Configuration["State:Path"] is null)
            {
                overrides["State:Path"] = Path.Combine(scratch.FullName, "state.db");
            }

            builder.Configuration.AddInMemoryCollection(overrides);
            await using var app = builder.Build();
            app.Services.GetService<IStartupValidator>()?.Validate();

            var time = app.Services.GetRequiredService<TimeProvider>();
            var zone = TimeZoneInfo.Local;
            await app.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord(userId, zone.Id, time.GetUtcNow()), cancellationToken);
            var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
            var points = new DemoHistory(userId, zone, lastDay, days).Points().ToList();

            var sink = app.Services.GetRequiredService<IPointSink>();
            var accepted = 0;
            var spooled = 0;
            for (var i = 0; i < points.Count; i += BatchSize)
            {
                var result = await sink.WriteAsync(points.GetRange(i, Math.Min(BatchSize, points.Count - i)), cancellationToken);
                accepted += result.Accepted;
                spooled += result.Spooled;
                foreach (var rejected in result.Rejected)
                {
                    await output.WriteLineAsync($"  rejected {rejected.Point}: {rejected.Reason}");
                }
            }

            var options = app.Services.GetRequiredService<IOptions<InfluxDbOptions>>().Value;
            await output.WriteLineAsync($"Wrote {days} days of history for user '{userId}' into database '{options.Database}' at {options.Url}: {accepted} points accepted, {spooled} spooled.");
            await output.WriteLineAsync("What landed (written / counted in InfluxDB):");
            var query = app.Services.GetRequiredService<IInfluxQueryClient>();
            foreach (var (label, measurement, field) in Summary)
            {
                var written = points.Count(p => p.Measurement == measurement);
                var counted = await CountAsync(query, measurement, field, userId, cancellationToken);
                await output.WriteLineAsync($"  {label,-22} {written,6} / {counted,6}");
            }

            await output.WriteLineAsync($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
            return 0;
        }
        finally
        {
            if (localInflux is not null)
            {
                await localInflux.DisposeAsync();
            }

            scratch.Delete(recursive: true);
        }
    }

    private static readonly (string Label, string Measurement, string Field)[] Summary =
    [
        ("weigh-ins", Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg),
        ("strength sessions", Measurements.StrengthSession, FieldNames.StrengthSession.DurationS),
        ("nutrition days", Measurements.NutritionDaily, FieldNames.NutritionDaily.ProteinG),
        ("health markers", Measurements.HealthMarker, FieldNames.HealthMarker.Value),
    ];

    private static async Task<long> CountAsync(IInfluxQueryClient query, string measurement, string field, string userId, CancellationToken cancellationToken)
    {
        var result = await query.QueryAsync(
            $"SELECT count({InfluxQl.Identifier(field)}) FROM {InfluxQl.Identifier(measurement)} WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)}",
            cancellationToken);
        return result.Series.Count == 0 ? 0 : result.Series[0].Values[0][1].GetInt64();
    }
}
