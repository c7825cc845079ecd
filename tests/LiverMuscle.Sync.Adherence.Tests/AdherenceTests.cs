using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LiverMuscle.Sync.Adherence.Tests;

[Collection(InfluxCollection.Name)]
public sealed class AdherenceTests(InfluxDbFixture influx)
{
    private static readonly DateTimeOffset Oct12 = new(2026, 10, 12, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Oct25 = new(2026, 10, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Recompute_KnownHistory_MatchesHandComputedWeeksIncludingTheDstWeek()
    {
        var database = await influx.NewDatabaseAsync("adherence");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database);
        await harness.WriteAsync(History.Points());

        var weeks = await harness.Get<AdherenceService>().RecomputeAsync("alice", Oct12, Oct25, CancellationToken.None);

        Assert.Equal([new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 19)], weeks.Select(w => w.WeekStart));
        // Week of 19 October: 3 sessions (60 + 45 + 30 min), protein met Mon, Wed, Thu, Sun of 6 logged days;
        // score = mean(min(1, 3/2), 4/7) = 78.6 %.
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["time"] = "2026-10-18T22:00:00Z", ["sessions"] = "3", ["sessions_goal"] = "2", ["resistance_min"] = "135",
                ["protein_days_met"] = "4", ["protein_days_logged"] = "6", ["protein_goal_g_per_kg"] = "1.2",
                ["score_pct"] = "78.6", ["local_date"] = "2026-10-19",
            },
            await ReadWeekAsync(database, "2026-10-18T22:00:00Z"));
        // Week of 12 October: 1 session of 50 min, no protein logged: mean(1/2, 0) = 25 %.
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["time"] = "2026-10-11T22:00:00Z", ["sessions"] = "1", ["sessions_goal"] = "2", ["resistance_min"] = "50",
                ["protein_days_met"] = "0", ["protein_days_logged"] = "0", ["protein_goal_g_per_kg"] = "1.2",
                ["score_pct"] = "25", ["local_date"] = "2026-10-12",
            },
            await ReadWeekAsync(database, "2026-10-11T22:00:00Z"));
    }

    [Fact]
    public async Task Recompute_AfterTheZoneChanged_LeavesOnePointPerWeek_AtTheNewZonesMonday()
    {
        var database = await influx.NewDatabaseAsync("adherence");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database);
        await harness.WriteAsync(History.Points());
        var service = harness.Get<AdherenceService>();
        await service.RecomputeAsync("alice", Oct12, Oct25, CancellationToken.None);

        await harness.Get<IUserStore>().UpsertAsync(new UserRecord("alice", "America/New_York", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await service.RecomputeAsync("alice", Oct12, Oct25, CancellationToken.None);

        using var json = await influx.ExecuteAsync("SELECT \"local_date\" FROM \"adherence_weekly\" WHERE \"user\" = 'alice'", database);
        var rows = json.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray()
            .Select(row => (Time: row[0].GetString(), LocalDate: row[1].GetString())).ToList();
        // Berlin stamped these weeks at 22:00Z on Sunday; 12 October 00:00Z is still the week of 5 October in New York.
        Assert.Equal([("2026-10-05T04:00:00Z", "2026-10-05"), ("2026-10-12T04:00:00Z", "2026-10-12"), ("2026-10-19T04:00:00Z", "2026-10-19")], rows);
    }

    [Fact]
    public async Task Recompute_UsesTheUsersOwnGoals()
    {
        var database = await influx.NewDatabaseAsync("adherence");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database, new Dictionary<string, string?>
        {
            ["Adherence:Users:alice:SessionsPerWeek"] = "4",
            ["Adherence:Users:alice:ProteinGPerKgPerDay"] = "1.25",
        });
        await harness.WriteAsync(History.Points());

        var week = (await harness.Get<AdherenceService>().RecomputeAsync("alice", Oct25, Oct25, CancellationToken.None)).Single();

        // 3 of 4 sessions; 1.25 g/kg met only on Monday (100/80) and Sunday (100/75): mean(0.75, 2/7) = 51.8 %.
        Assert.Equal((3, 4, 2, 6, 1.25, 51.8), (week.Sessions, week.SessionsGoal, week.ProteinDaysMet, week.ProteinDaysLogged, week.ProteinGoalGPerKg, week.ScorePct));
    }

    [Fact]
    public async Task SyncCompleted_RecomputesTheWeeksItTouched()
    {
        var database = await influx.NewDatabaseAsync("adherence");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database);
        await harness.WriteAsync(History.Points());
        var handler = Assert.Single(harness.GetAll<ISyncCompletedHandler>().OfType<AdherenceSyncCompletedHandler>());

        await handler.OnSyncCompletedAsync(
            new SyncCompleted("alice", "withings", 3, new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 21, 8, 0, 0, TimeSpan.Zero)),
            CancellationToken.None);

        Assert.Equal("3", (await ReadWeekAsync(database, "2026-10-18T22:00:00Z"))["sessions"]);
        // The weight-driven week after is recomputed too; the week before is not touched.
        Assert.Equal("0", (await ReadWeekAsync(database, "2026-10-25T23:00:00Z"))["sessions"]);
        Assert.Equal(0, await influx.CountAsync(database, "adherence_weekly", "sessions", "time < '2026-10-18T00:00:00Z'"));
    }

    [Fact]
    public async Task Scheduler_RecomputesRecentWeeksAtStartAndAfterEachInterval()
    {
        var database = await influx.NewDatabaseAsync("adherence");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database);
        var scheduler = harness.GetAll<IHostedService>().OfType<BackgroundService>().Single(s => s.GetType().Name == "AdherenceScheduler");
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            // Now is Wednesday 2026-11-04: the weeks of 26 October and 2 November.
            await Eventually.TrueAsync(async () => await influx.CountAsync(database, "adherence_weekly", "sessions") == 2);
            Assert.Equal("0", (await ReadWeekAsync(database, "2026-11-01T23:00:00Z"))["sessions"]);

            await harness.WriteAsync(PointBuilder.For(Measurements.StrengthSession).Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Manual)
                .Field(FieldNames.StrengthSession.DurationS, 1800L).At(new DateTimeOffset(2026, 11, 3, 17, 0, 0, TimeSpan.Zero)).Build());
            harness.Time.Advance(TimeSpan.FromHours(1));

            await Eventually.TrueAsync(async () => (await ReadWeekAsync(database, "2026-11-01T23:00:00Z"))["sessions"] == "1");
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Scheduler_OnAFreshInfluxDb_TreatsTheMissingDatabaseAsNoDataYet()
    {
        var database = "fresh_" + Guid.NewGuid().ToString("N");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database);
        var logs = harness.Get<FakeLogCollector>();
        var scheduler = harness.GetAll<IHostedService>().OfType<BackgroundService>().Single(s => s.GetType().Name == "AdherenceScheduler");
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(logs.GetSnapshot().Any(r => r.Message.StartsWith("No adherence to recompute yet: database not found", StringComparison.Ordinal))));

            Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    private async Task<Dictionary<string, string>> ReadWeekAsync(string database, string time)
    {
        using var json = await influx.ExecuteAsync($"SELECT * FROM \"adherence_weekly\" WHERE \"user\" = 'alice' AND time = '{time}'", database);
        var result = json.RootElement.GetProperty("results")[0];
        if (!result.TryGetProperty("series", out var series))
        {
            return new Dictionary<string, string> { ["sessions"] = "(none)" };
        }

        var columns = series[0].GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var values = series[0].GetProperty("values")[0].EnumerateArray().ToList();
        return columns.Zip(values)
            .Where(p => p.First != "user")
            .ToDictionary(p => p.First, p => p.Second.ValueKind == JsonValueKind.Number ? p.Second.GetDouble().ToString(CultureInfo.InvariantCulture) : p.Second.GetString()!);
    }
}
