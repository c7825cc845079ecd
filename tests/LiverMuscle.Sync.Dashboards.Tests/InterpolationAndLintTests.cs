using LiverMuscle.Sync.Dashboards.Building;
using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Queries;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

[Trait("Category", "Unit")]
public sealed class InterpolationAndLintTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 3, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Expand_TimeFilterIntervalAndSingleUser_AsGrafanaSendsThem()
    {
        var context = new QueryContext(From, To, TimeSpan.FromHours(6), new Dictionary<string, VariableValue> { ["user"] = VariableValue.Single("alice") });

        var query = GrafanaInterpolation.Expand("SELECT mean(\"v\") FROM \"m\" WHERE \"user\" =~ /^$user$/ AND $timeFilter GROUP BY time($__interval) -- $__interval_ms", context);

        Assert.Equal("SELECT mean(\"v\") FROM \"m\" WHERE \"user\" =~ /^alice$/ AND time >= 1772323200000ms and time <= 1772928000000ms GROUP BY time(6h) -- 21600000", query);
    }

    [Fact]
    public void Expand_SeveralUsers_BecomeAnEscapedRegexAlternation_AndAllUsesTheAllValue()
    {
        var several = new QueryContext(From, To, TimeSpan.FromDays(1), new Dictionary<string, VariableValue> { ["user"] = new(["a.b", "c"], true) });
        var all = new QueryContext(From, To, TimeSpan.FromDays(1), new Dictionary<string, VariableValue> { ["user"] = new([], true, ".*") });

        Assert.Equal("/^(a\\.b|c)$/", GrafanaInterpolation.Expand("/^$user$/", several));
        Assert.Equal("/^.*$/", GrafanaInterpolation.Expand("/^$user$/", all));
    }

    [Fact]
    public void Expand_SingleValueInsideARegex_IsRegexEscaped_SoItMatchesOnlyItself()
    {
        var context = new QueryContext(From, To, TimeSpan.FromDays(1), new Dictionary<string, VariableValue> { ["user"] = VariableValue.Single(".*") });

        Assert.Equal("WHERE \"user\" =~ /^\\.\\*$/", GrafanaInterpolation.Expand("WHERE \"user\" =~ /^$user$/", context));
        Assert.Equal("WHERE \"user\" !~ /^a\\.b$/", GrafanaInterpolation.Expand("WHERE \"user\" !~ /^$user$/", new QueryContext(From, To, TimeSpan.FromDays(1), new Dictionary<string, VariableValue> { ["user"] = VariableValue.Single("a.b") })));
    }

    [Fact]
    public void Expand_SingleValueOutsideAnyRegex_IsLeftAsItIs()
    {
        var context = new QueryContext(From, To, TimeSpan.FromDays(1), new Dictionary<string, VariableValue> { ["user"] = VariableValue.Single("a.b") });

        Assert.Equal("WHERE \"user\" = 'a.b' AND \"x\" =~ /^y$/", GrafanaInterpolation.Expand("WHERE \"user\" = '$user' AND \"x\" =~ /^y$/", context));
    }

    [Theory]
    [InlineData(86_400_000, "1d")]
    [InlineData(604_800_000, "1w")]
    [InlineData(21_600_000, "6h")]
    [InlineData(90_000, "90s")]
    [InlineData(1_500, "1500ms")]
    public void FormatInterval_UsesTheLargestWholeUnit(long milliseconds, string expected) =>
        Assert.Equal(expected, GrafanaInterpolation.FormatInterval(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void AutoInterval_IsRangeOverDataPointsRoundedButNeverBelowThePanelMinimum()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), GrafanaInterpolation.AutoInterval(From, To, 1000, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromDays(1), GrafanaInterpolation.AutoInterval(From, To, 1000, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Build_ReportsEveryProblemTheSchemaCannotSee()
    {
        var builder = new DashboardBuilder("bad uid!", "Bad", DashboardDefaults.Datasource)
            .Add(PanelBuilder.TimeSeries("Unbounded").Query("SELECT mean(\"weight_kg\") FROM \"body_composition\""),
                 PanelBuilder.TimeSeries("Unknown variable").Query("SELECT mean(\"weight_kg\") FROM \"body_composition\" WHERE \"user\" =~ /^$person$/ AND $timeFilter"),
                 PanelBuilder.Stat("No query"));

        var error = Assert.Throws<DashboardBuildException>(builder.Build);

        Assert.Equal(4, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("uid 'bad uid!'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("'Unbounded' query A has neither $timeFilter", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("uses $person", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("'No query' has no query", StringComparison.Ordinal));
    }

    [Fact]
    public void Layout_FlowsPanelsOnTheGridWithoutOverlap()
    {
        var dashboard = new AdherenceDashboard().Build();

        Assert.Empty(DashboardLint.Check(dashboard));
        Assert.Equal(Enumerable.Range(1, dashboard.Panels.Count), dashboard.Panels.Select(p => p.Id));
        Assert.All(dashboard.Panels, p => Assert.InRange(p.GridPos.X + p.GridPos.W, 1, 24));
        Assert.All(dashboard.Panels.SelectMany(p => p.Targets), t => Assert.Equal(DashboardDefaults.DatasourceUid, t.Datasource.Uid));
    }
}
