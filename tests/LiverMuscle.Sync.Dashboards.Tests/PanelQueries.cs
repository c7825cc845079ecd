using System.Text.Json;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Dashboards.Queries;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>Runs a dashboard's queries the way Grafana would send them and says which ones came back empty or failed.</summary>
internal sealed class PanelQueries(IInfluxQueryClient client, DateTimeOffset from, DateTimeOffset to)
{
    /// <summary>Grafana's default for a panel without maxDataPoints: about the panel's width in pixels.</summary>
    private const int MaxDataPoints = 1000;

    /// <summary>Stands for the "All" choice of a multi-value variable.</summary>
    public const string All = "$__all";

    public QueryContext ContextFor(Dashboard dashboard, Panel? panel, string user)
    {
        var minimum = panel?.Interval is { } text ? ParseInterval(text) : TimeSpan.FromSeconds(1);
        var variables = dashboard.Templating.List.ToDictionary(
            v => v.Name,
            v => user == All ? new VariableValue([], true, v.AllValue) : new VariableValue([user], v.Multi),
            StringComparer.Ordinal);
        return new QueryContext(from, to, GrafanaInterpolation.AutoInterval(from, to, MaxDataPoints, minimum), variables);
    }

    public async Task<InfluxQueryResult> RunAsync(string query, QueryContext context) =>
        await client.QueryAsync(GrafanaInterpolation.Expand(query, context), CancellationToken.None);

    /// <summary>Every target of the panel: an error, no series, or only nulls is a problem.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(Dashboard dashboard, Panel panel, string user)
    {
        var problems = new List<string>();
        var context = ContextFor(dashboard, panel, user);
        foreach (var target in panel.InfluxQlTargets)
        {
            var expanded = GrafanaInterpolation.Expand(target.Query, context);
            var where = $"{dashboard.Uid} / '{panel.Title}' / {target.RefId}: {expanded}";
            try
            {
                var result = await client.QueryAsync(expanded, CancellationToken.None);
                if (result.Series.Count == 0)
                {
                    problems.Add($"{where} returned no series");
                }
                else if (!result.Series.Any(HasValues))
                {
                    problems.Add($"{where} returned only nulls");
                }
            }
            catch (InfluxQueryException e)
            {
                problems.Add($"{where} failed: {e.Reason}");
            }
        }

        return problems;
    }

    private static bool HasValues(InfluxSeries series) =>
        series.Columns.Count > 1 && series.Columns[0] == "time" &&
        series.Values.Any(row => row.Skip(1).Any(v => v.ValueKind is not JsonValueKind.Null));

    private static TimeSpan ParseInterval(string text) => text[^1] switch
    {
        'd' => TimeSpan.FromDays(int.Parse(text[..^1])),
        'h' => TimeSpan.FromHours(int.Parse(text[..^1])),
        'm' => TimeSpan.FromMinutes(int.Parse(text[..^1])),
        _ => throw new FormatException($"Unsupported interval '{text}'."),
    };
}
