using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

public sealed class RunDeduplicationTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task Incremental_RecordServedByTheChangeFeedAndTheWindowReread_IsWrittenAndCountedOnce()
    {
        // 20 days of history: the first change feed (30 days back) serves all of it, the look-back re-read the last 7 again.
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 20, Seed = 11 }, CancellationToken.None);
        CountingPointSink? counting = null;
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false, configureServices: services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IPointSink));
            services.Remove(real);
            services.AddSingleton<IPointSink>(provider => counting = new CountingPointSink((IPointSink)real.ImplementationFactory!(provider)));
        });
        var wid = await stack.AuthorizeAsync("erin");
        using var written = new MetricCollector<long>(stack.Services.GetRequiredService<SyncMetrics>().Meter, "records.written");
        var lookBack = DateTimeOffset.UtcNow.AddDays(-7).ToUnixTimeSeconds();
        var own = sandbox.Groups(wid).Where(g => g.IsOwn).ToList();
        var strength = sandbox.Workouts(wid).Where(StrengthSessions.Written).ToList();
        Assert.Contains(own, g => g.Date > lookBack);
        Assert.Contains(strength, w => w.StartDate > lookBack);

        var run = await stack.SyncAsync("erin", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        Assert.Contains(sandbox.DataRequests, r => r.Contains("lastupdate=", StringComparison.Ordinal) && r.EndsWith("action=getmeas", StringComparison.Ordinal));
        Assert.Contains(sandbox.DataRequests, r => r.Contains("startdate=", StringComparison.Ordinal) && r.EndsWith("action=getmeas", StringComparison.Ordinal));
        Assert.Equal(own.Count, counting!.PointsOf(Measurements.BodyComposition));
        Assert.Equal(strength.Count, counting.PointsOf(Measurements.StrengthSession));
        Assert.Equal(own.Count + strength.Count, run.Records);
        Assert.Equal(run.Records, written.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(own.Count, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg));
        Assert.Equal(strength.Count, await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS));
    }
}
