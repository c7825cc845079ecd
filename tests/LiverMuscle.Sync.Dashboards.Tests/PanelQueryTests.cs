using System.Globalization;
using LiverMuscle.Sync.Dashboards.Building;
using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Dashboards.Queries;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>Every panel's InfluxQL, expanded as Grafana expands it, on a real InfluxDB holding a synced history.</summary>
public sealed class PanelQueryTests(SeededInfluxFixture fixture) : IClassFixture<SeededInfluxFixture>
{
    private readonly PanelQueries _queries = new(fixture.Query, fixture.History.Start.AddDays(-1), fixture.History.Now.AddMinutes(30));
    private SeededHistory History => fixture.History;

    public static TheoryData<string> Uids => [.. DashboardCatalog.OnInfluxDb.Select(d => d.Uid)];

    [Theory]
    [MemberData(nameof(Uids))]
    public async Task EveryPanelQuery_RunsWithoutErrorAndReturnsData(string uid)
    {
        var dashboard = DashboardCatalog.OnInfluxDb.Single(d => d.Uid == uid).Build();
        var problems = new List<string>();
        foreach (var panel in dashboard.Panels)
        {
            problems.AddRange(await _queries.ProblemsAsync(dashboard, panel, SeededHistory.Alice));
            if (dashboard.Templating.List.Any(v => v.IncludeAll))
            {
                problems.AddRange(await _queries.ProblemsAsync(dashboard, panel, PanelQueries.All));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task PanelReadingAFieldThatDoesNotExist_IsReported()
    {
        var broken = new DashboardBuilder("broken", "Broken", DashboardDefaults.Datasource)
            .TagVariable("user", "User", TagNames.User, multi: false)
            .Add(PanelBuilder.TimeSeries("Misspelled field").Query($"SELECT mean(\"weight_kgs\") FROM {Iql.Id(Measurements.BodyComposition)} WHERE {Iql.UserFilter} AND $timeFilter GROUP BY time($__interval)"),
                 PanelBuilder.TimeSeries("Misspelled measurement").Query($"SELECT mean({Iql.Id(FieldNames.BodyComposition.WeightKg)}) FROM \"body_compositions\" WHERE $timeFilter GROUP BY time($__interval)"),
                 PanelBuilder.TimeSeries("Bad syntax").Query("SELECT mean(\"weight_kg\") FROM WHERE $timeFilter"))
            .Build();

        var problems = new List<string>();
        foreach (var panel in broken.Panels)
        {
            problems.AddRange(await _queries.ProblemsAsync(broken, panel, SeededHistory.Alice));
        }

        Assert.Equal(3, problems.Count);
        Assert.Contains("returned no series", problems[0], StringComparison.Ordinal);
        Assert.Contains("returned no series", problems[1], StringComparison.Ordinal);
        Assert.Contains("failed", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserVariable_ListsEverySeededUser()
    {
        var dashboard = new AdherenceDashboard().Build();
        var variable = Assert.Single(dashboard.Templating.List);

        var result = await fixture.Query.QueryAsync(variable.Query, CancellationToken.None);

        var users = result.Series.SelectMany(s => s.Values.Select(v => v[s.ColumnIndex("value")].GetString())).Distinct().Order().ToList();
        Assert.Equal([SeededHistory.Alice, SeededHistory.Bob], users);
    }

    [Fact]
    public async Task SessionsPerWeek_EqualsTheSessionsSeededInEachCalendarWeek()
    {
        var (series, _) = await RunPanelAsync(new AdherenceDashboard().Build(), "Strength sessions per week", "A", SeededHistory.Alice);

        var counted = Rows(series, "sessions").Where(r => r.Value > 0).ToDictionary(r => r.Time, r => r.Value);
        var seeded = History.Sessions.Where(s => s.User == SeededHistory.Alice)
            .GroupBy(s => WeekStart(s.Time))
            .ToDictionary(g => g.Key, g => (double)g.Count());
        Assert.Equal(seeded.OrderBy(k => k.Key), counted.OrderBy(k => k.Key));
        Assert.Contains(2.0, counted.Values);
        Assert.Contains(3.0, counted.Values);
    }

    [Fact]
    public async Task SessionsPerWeek_ForAUserIdThatLooksLikeARegex_DrawsNobodyElse()
    {
        var dashboard = new AdherenceDashboard().Build();
        var panel = dashboard.Panels.Single(p => p.Title == "Strength sessions per week");
        var query = panel.InfluxQlTargets.Single(t => t.RefId == "A").Query;

        var everyone = await _queries.RunAsync(query, _queries.ContextFor(dashboard, panel, ".*"));
        var alice = await _queries.RunAsync(query, _queries.ContextFor(dashboard, panel, SeededHistory.Alice));

        Assert.DoesNotContain(everyone.Series.SelectMany(s => Rows(s, "sessions")), r => r.Value > 0);
        Assert.Contains(alice.Series.SelectMany(s => Rows(s, "sessions")), r => r.Value > 0);
    }

    [Fact]
    public async Task ResistanceMinutesPerWeek_EqualsTheSeededDurations()
    {
        var (series, _) = await RunPanelAsync(new AdherenceDashboard().Build(), "Resistance minutes per week", "A", SeededHistory.Alice);

        var minutes = Rows(series, "minutes").Where(r => r.Value > 0).ToDictionary(r => r.Time, r => r.Value);
        var seeded = History.Sessions.Where(s => s.User == SeededHistory.Alice)
            .GroupBy(s => WeekStart(s.Time))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.DurationS) / 60.0);
        Assert.Equal(seeded.OrderBy(k => k.Key), minutes.OrderBy(k => k.Key));
    }

    [Fact]
    public async Task BodyMass_TrendsStayWithinTheSeededWeights()
    {
        var (series, _) = await RunPanelAsync(new AdherenceDashboard().Build(), "Weight, muscle mass and fat-free mass", "A", SeededHistory.Alice);

        var weights = Rows(series, "weight").Select(r => r.Value).ToList();
        var seeded = History.WeighIns.Where(w => w.User == SeededHistory.Alice).Select(w => w.WeightKg).ToList();
        Assert.Equal(["time", "weight", "muscle mass", "fat-free mass"], series.Columns);
        Assert.InRange(weights.Count, seeded.Count / 2, seeded.Count);
        Assert.All(weights, w => Assert.InRange(w, seeded.Min() - 0.001, seeded.Max() + 0.001));
        Assert.True(weights[0] > weights[^1], "the seeded weight falls over time");
        Assert.All(Rows(series, "muscle mass"), m => Assert.InRange(m.Value, 50, 60));
    }

    [Fact]
    public async Task AlertAnnotations_ReturnEveryTransitionWithItsMessage()
    {
        var dashboard = new AdherenceDashboard().Build();
        var annotation = dashboard.Annotations.List.Single(a => a.Target is not null);

        var result = await _queries.RunAsync(annotation.Target!.Query, _queries.ContextFor(dashboard, null, SeededHistory.Alice));

        var series = Assert.Single(result.Series);
        Assert.Equal(["time", "message", "value", "threshold", "rule", "state"], series.Columns);
        Assert.Equal(["firing", "resolved"], series.Values.Select(v => v[series.ColumnIndex("state")].GetString()));
        Assert.All(annotation.Mappings!.Values, m => Assert.Contains(m.Value, series.Columns));
    }

    [Fact]
    public async Task HouseholdTable_HasOneRowPerUserWithTheirLastSevenDays()
    {
        var dashboard = new HouseholdDashboard().Build();
        var panel = dashboard.Panels.Single(p => p.Title == "Who needs attention");
        var context = _queries.ContextFor(dashboard, panel, SeededHistory.Alice);

        var sessions = await _queries.RunAsync(panel.InfluxQlTargets[0].Query, context);
        var reauth = await _queries.RunAsync(panel.InfluxQlTargets.Single(t => t.Query.Contains(Measurements.SyncHealth, StringComparison.Ordinal)).Query, context);

        var perUser = sessions.Series.ToDictionary(s => s.Tags[TagNames.User], s => s.Values[0][s.ColumnIndex("Sessions (7 d)")].GetInt64());
        var cutoff = DateTimeOffset.UtcNow.AddDays(-7);
        Assert.Equal(History.Sessions.Count(s => s.User == SeededHistory.Alice && s.Time > cutoff), perUser[SeededHistory.Alice]);
        Assert.Equal(History.Sessions.Count(s => s.User == SeededHistory.Bob && s.Time > cutoff), perUser.GetValueOrDefault(SeededHistory.Bob));
        var needsReauth = reauth.Series.ToDictionary(s => s.Tags[TagNames.User], s => s.Values[0][1].GetBoolean());
        Assert.False(needsReauth[SeededHistory.Alice]);
        Assert.True(needsReauth[SeededHistory.Bob]);
        Assert.Equal(HouseholdDashboard.AttentionColumns().Count, panel.InfluxQlTargets.Count);
    }

    [Fact]
    public async Task SyncRunsByOutcome_CountEverySeededRun()
    {
        var dashboard = new SyncHealthDashboard().Build();
        var panel = dashboard.Panels.Single(p => p.Title == "Sync runs by outcome");

        var result = await _queries.RunAsync(panel.InfluxQlTargets[0].Query, _queries.ContextFor(dashboard, panel, PanelQueries.All));

        var counted = result.Series.ToDictionary(s => s.Tags[TagNames.Outcome], s => s.Values.Sum(v => v[1].GetInt64()));
        var seeded = History.Runs.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(seeded.OrderBy(k => k.Key), counted.OrderBy(k => k.Key));
    }

    [Fact]
    public async Task RateLimitHeadroom_IsTheRemainingShareOfTheLimit()
    {
        var dashboard = new SyncHealthDashboard().Build();
        var (series, _) = await RunPanelAsync(dashboard, "Rate-limit headroom", "A", SeededHistory.Alice);

        var values = Rows(series, "headroom").Select(r => r.Value).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.InRange(v, (120 - 27) * 100.0 / 150, 120 * 100.0 / 150));
    }

    private async Task<(InfluxSeries Series, Panel Panel)> RunPanelAsync(Dashboard dashboard, string title, string refId, string user)
    {
        var panel = dashboard.Panels.Single(p => p.Title == title);
        var target = panel.InfluxQlTargets.Single(t => t.RefId == refId);
        var result = await _queries.RunAsync(target.Query, _queries.ContextFor(dashboard, panel, user));
        return (Assert.Single(result.Series), panel);
    }

    private static IEnumerable<(DateTimeOffset Time, double Value)> Rows(InfluxSeries series, string column)
    {
        var index = series.ColumnIndex(column);
        return series.Values
            .Where(row => row[index].ValueKind == System.Text.Json.JsonValueKind.Number)
            .Select(row => (DateTimeOffset.Parse(row[0].GetString()!, CultureInfo.InvariantCulture), row[index].GetDouble()));
    }

    private static DateTimeOffset WeekStart(DateTimeOffset time)
    {
        var day = time.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }
}
