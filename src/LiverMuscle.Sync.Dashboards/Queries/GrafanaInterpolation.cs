using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LiverMuscle.Sync.Dashboards.Queries;

/// <summary>
/// Expands Grafana's InfluxQL macros and variables the way Grafana's InfluxDB datasource does before it sends a
/// raw query: <c>$timeFilter</c> → <c>time &gt;= {from}ms and time &lt;= {to}ms</c>, <c>$__interval</c> → e.g.
/// <c>1d</c>, <c>$__interval_ms</c>, and dashboard variables (a multi-value or All selection becomes a regex
/// alternation of regex-escaped values; a single value is regex-escaped where the query matches it with a regex).
/// </summary>
public static partial class GrafanaInterpolation
{
    public static string Expand(string query, QueryContext context)
    {
        var timeFilter = string.Create(CultureInfo.InvariantCulture, $"time >= {context.From.ToUnixTimeMilliseconds()}ms and time <= {context.To.ToUnixTimeMilliseconds()}ms");
        var interval = FormatInterval(context.Interval);
        return VariablePattern().Replace(query, match =>
        {
            var name = match.Groups["name"].Value;
            return name switch
            {
                "timeFilter" or "__timeFilter" => timeFilter,
                "__interval" or "interval" => interval,
                "__interval_ms" => ((long)context.Interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                _ when context.Variables.TryGetValue(name, out var variable) => variable.Render(UsedInRegex(query, name)),
                _ => match.Value,
            };
        });
    }

    /// <summary>Grafana's interval text: the largest whole unit (<c>1d</c>, <c>6h</c>, <c>30m</c>, <c>15s</c>, <c>500ms</c>).</summary>
    public static string FormatInterval(TimeSpan interval)
    {
        var ms = (long)interval.TotalMilliseconds;
        foreach (var (unit, size) in Units)
        {
            if (ms >= size && ms % size == 0)
            {
                return (ms / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>What Grafana picks for <c>$__interval</c>: range / max data points, rounded, never below the panel minimum.</summary>
    public static TimeSpan AutoInterval(DateTimeOffset from, DateTimeOffset to, int maxDataPoints, TimeSpan minimum)
    {
        var raw = (to - from) / Math.Max(1, maxDataPoints);
        var rounded = RoundSteps.FirstOrDefault(step => raw <= step, RoundSteps[^1]);
        return rounded < minimum ? minimum : rounded;
    }

    /// <summary>Whether a regex literal of the query (<c>=~ /…/</c> or <c>!~ /…/</c>) holds <c>$name</c>: Grafana then escapes the value everywhere.</summary>
    public static bool UsedInRegex(string query, string name) =>
        RegexLiteralPattern().Matches(query).Any(literal => VariablePattern().Matches(literal.Groups["body"].Value).Any(v => v.Groups["name"].Value == name));

    public static string EscapeRegex(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if ("\\^$*+?.()|{}[]/".Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static readonly (string Unit, long Size)[] Units =
    [
        ("y", 365L * 24 * 3600 * 1000), ("w", 7L * 24 * 3600 * 1000), ("d", 24L * 3600 * 1000), ("h", 3600L * 1000), ("m", 60L * 1000), ("s", 1000L),
    ];

    private static readonly TimeSpan[] RoundSteps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30),
    ];

    [GeneratedRegex(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"[=!]~\s*/(?<body>(?:[^/\\\r\n]|\\.)*)/")]
    private static partial Regex RegexLiteralPattern();
}
