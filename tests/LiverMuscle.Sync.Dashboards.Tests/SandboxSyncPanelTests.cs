using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>
/// The panels that Withings feeds, after a demo sync through the real connector: they must show what the sandbox
/// served, not only data written by hand.
/// </summary>
public sealed class SandboxSyncPanelTests(SandboxSyncFixture fixture) : IClassFixture<SandboxSyncFixture>
{
    /// <summary>Panels whose measurements a Withings sync writes (body composition, workouts, sync runs and health).</summary>
    private static readonly HashSet<string> Fed = [Measurements.BodyComposition, Measurements.StrengthSession, Measurements.SyncRun, Measurements.SyncHealth];

    private PanelQueries Queries => new(fixture.Query, fixture.SyncedAt.AddDays(-200), fixture.SyncedAt.AddMinutes(5));

    /// <summary>Withings workout categories the connector maps to <c>strength_session</c> by default (README), for sessions of five minutes or more.</summary>
    private static readonly int[] StrengthCategories = [16, 540, 17, 546];

    public static TheoryData<string> Uids => [.. DashboardCatalog.OnInfluxDb.Select(d => d.Uid)];

    [Theory]
    [MemberData(nameof(Uids))]
    public async Task EveryQueryOnSyncedMeasurements_ReturnsData(string uid)
    {
        Assert.Equal(SyncOutcome.Ok, fixture.Backfill.Outcome);
        var dashboard = DashboardCatalog.OnInfluxDb.Single(d => d.Uid == uid).Build();
        var problems = new List<string>();
        var checkedQueries = 0;
        foreach (var panel in dashboard.Panels)
        {
            var targets = panel.InfluxQlTargets.Where(t => Fed.Any(m => t.Query.Contains($"FROM \"{m}\"", StringComparison.Ordinal))).ToList();
            targets = [.. targets.Where(t => !AsksForFailures(t) && !IsWindowedToTheLastWeek(t))];
            if (targets.Count == 0)
            {
                continue;
            }

            checkedQueries += targets.Count;
            problems.AddRange(await Queries.ProblemsAsync(dashboard, panel with { Targets = targets }, SandboxSyncFixture.User));
        }

        Assert.True(checkedQueries > 0);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task SessionsPerWeek_CountsTheStrengthWorkoutsTheSandboxServed()
    {
        var dashboard = new AdherenceDashboard().Build();
        var panel = dashboard.Panels.Single(p => p.Title == "Strength sessions per week");

        var result = await Queries.RunAsync(panel.InfluxQlTargets[0].Query, Queries.ContextFor(dashboard, panel, SandboxSyncFixture.User));

        var counted = Assert.Single(result.Series).Values.Sum(v => v[1].GetInt64());
        var served = fixture.Sandbox.Workouts(fixture.WithingsUserId).Count(w => StrengthCategories.Contains(w.Category) && w.Duration >= TimeSpan.FromMinutes(5));
        Assert.True(counted > 20, $"only {counted} sessions");
        Assert.Equal(served, counted);
    }

    [Fact]
    public async Task SyncRunsByOutcome_ShowsTheBackfillRun()
    {
        var dashboard = new SyncHealthDashboard().Build();
        var panel = dashboard.Panels.Single(p => p.Title == "Sync runs by outcome");

        var result = await Queries.RunAsync(panel.InfluxQlTargets[0].Query, Queries.ContextFor(dashboard, panel, SandboxSyncFixture.User));

        var ok = Assert.Single(result.Series, s => s.Tags[TagNames.Outcome] == "ok");
        Assert.Equal(1, ok.Values.Sum(v => v[1].GetInt64()));
    }

    /// <summary>A clean sync has no failed runs: queries selecting only failures are rightly empty here.</summary>
    private static bool AsksForFailures(InfluxQlTarget target) =>
        target.Query.Contains("= 'failed'", StringComparison.Ordinal) || target.Query.Contains("!= 'ok'", StringComparison.Ordinal);

    /// <summary>"Last 7 days" columns depend on whether the sandbox's random history has a workout or weigh-in this week (covered by the seeded tests).</summary>
    private static bool IsWindowedToTheLastWeek(InfluxQlTarget target) => target.Query.Contains("now() - 7d", StringComparison.Ordinal);
}
