using System.Text.RegularExpressions;
using LiverMuscle.Sync.Dashboards.Model;

namespace LiverMuscle.Sync.Dashboards.Building;

/// <summary>
/// What Grafana's JSON schema cannot check: uid syntax, unique panel ids, panels inside the grid and not
/// overlapping, every InfluxQL query bounded in time (a PromQL one is bounded by the dashboard's range), every
/// variable a query uses defined on the dashboard.
/// </summary>
internal static partial class DashboardLint
{
    private static readonly HashSet<string> BuiltInVariables = new(StringComparer.Ordinal)
    {
        "timeFilter", "__timeFilter", "__interval", "__interval_ms", "interval", "col", "m", "measurement", "__rate_interval", "__range",
    };

    public static IReadOnlyList<string> Check(Dashboard dashboard)
    {
        var errors = new List<string>();
        if (!UidPattern().IsMatch(dashboard.Uid))
        {
            errors.Add($"uid '{dashboard.Uid}' must be 1-40 characters of A-Z, a-z, 0-9, '-' or '_'");
        }

        var variables = dashboard.Templating.List.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in dashboard.Panels.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"panel id {duplicate.Key} is used by {string.Join(", ", duplicate.Select(p => $"'{p.Title}'"))}");
        }

        for (var i = 0; i < dashboard.Panels.Count; i++)
        {
            var panel = dashboard.Panels[i];
            var pos = panel.GridPos;
            if (pos.X + pos.W > 24)
            {
                errors.Add($"panel '{panel.Title}' ends at column {pos.X + pos.W}, past the 24-column grid");
            }

            foreach (var other in dashboard.Panels.Take(i).Where(o => Overlaps(o.GridPos, pos)))
            {
                errors.Add($"panel '{panel.Title}' overlaps '{other.Title}'");
            }

            if (panel.Targets.Count == 0)
            {
                errors.Add($"panel '{panel.Title}' has no query");
            }

            foreach (var target in panel.Targets)
            {
                var where = $"panel '{panel.Title}' query {target.RefId}";
                switch (target)
                {
                    case InfluxQlTarget influxQl:
                        CheckTimeBound(where, influxQl.Query, errors);
                        CheckVariables(where, influxQl.Query, variables, errors);
                        break;
                    case PromQlTarget promQl:
                        CheckVariables(where, promQl.Expr, variables, errors);
                        break;
                }
            }
        }

        foreach (var annotation in dashboard.Annotations.List.Where(a => a.Target is not null))
        {
            var where = $"annotation '{annotation.Name}'";
            CheckTimeBound(where, annotation.Target!.Query, errors);
            CheckVariables(where, annotation.Target.Query, variables, errors);
        }

        return errors;
    }

    private static void CheckTimeBound(string where, string query, List<string> errors)
    {
        if (!query.Contains("$timeFilter", StringComparison.Ordinal) && !query.Contains("now() -", StringComparison.Ordinal))
        {
            errors.Add($"{where} has neither $timeFilter nor a 'now() -' bound: Grafana would read every point");
        }
    }

    private static void CheckVariables(string where, string query, HashSet<string> variables, List<string> errors)
    {
        foreach (Match match in VariablePattern().Matches(query))
        {
            var name = match.Groups["name"].Value;
            if (!BuiltInVariables.Contains(name) && !name.StartsWith("tag_", StringComparison.Ordinal) && !variables.Contains(name))
            {
                errors.Add($"{where} uses ${name}, which the dashboard does not define");
            }
        }
    }

    private static bool Overlaps(GridPos a, GridPos b) =>
        a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex UidPattern();

    [GeneratedRegex(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariablePattern();
}
