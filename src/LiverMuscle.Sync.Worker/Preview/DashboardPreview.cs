using System.Text.RegularExpressions;
using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Dashboards.Queries;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.Worker.Preview;

/// <summary>
/// Renders every panel of every InfluxDB dashboard as a PNG from the data in InfluxDB: each query is expanded the way
/// Grafana would (time range, <c>$__interval</c>, <c>$user</c>) and run with the product's query client.
/// </summary>
internal sealed partial class DashboardPreview(IInfluxQueryClient client, TimeProvider time)
{
    /// <summary>About the pixel width of a panel, as Grafana uses for maxDataPoints.</summary>
    private const int MaxDataPoints = 900;

    public async Task<IReadOnlyList<string>> RenderAsync(DirectoryInfo output, string user, TimeSpan range, TextWriter log, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var to = time.GetUtcNow();
        var from = to - range;
        foreach (var definition in DashboardCatalog.OnInfluxDb)
        {
            var dashboard = definition.Build();
            var directory = output.CreateSubdirectory(dashboard.Uid);
            foreach (var panel in dashboard.Panels)
            {
                var context = new QueryContext(from, to, GrafanaInterpolation.AutoInterval(from, to, MaxDataPoints, MinimumInterval(panel)), Variables(dashboard, user));
                var results = new List<(InfluxQlTarget, InfluxQueryResult)>();
                foreach (var target in panel.InfluxQlTargets)
                {
                    try
                    {
                        results.Add((target, await client.QueryAsync(GrafanaInterpolation.Expand(target.Query, context), cancellationToken)));
                    }
                    catch (InfluxQueryException e)
                    {
                        await log.WriteLineAsync($"  {dashboard.Uid} / {panel.Title} / {target.RefId}: {e.Reason}");
                    }
                }

                var path = Path.Combine(directory.FullName, $"{panel.Id:00}-{Slug(panel.Title)}.png");
                PanelRenderer.Render(panel, results).SavePng(path, PanelRenderer.Width, PanelRenderer.Height);
                files.Add(path);
            }
        }

        return files;
    }

    private static Dictionary<string, VariableValue> Variables(Dashboard dashboard, string user) =>
        dashboard.Templating.List.ToDictionary(v => v.Name, v => new VariableValue([user], v.Multi), StringComparer.Ordinal);

    private static TimeSpan MinimumInterval(Panel panel) => panel.Interval switch
    {
        "1d" => TimeSpan.FromDays(1),
        "1h" => TimeSpan.FromHours(1),
        _ => TimeSpan.FromMinutes(1),
    };

    private static string Slug(string title) => SlugPattern().Replace(title.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();
}
