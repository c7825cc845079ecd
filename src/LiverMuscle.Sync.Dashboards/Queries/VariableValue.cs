namespace LiverMuscle.Sync.Dashboards.Queries;

/// <summary>A variable's selection: one value, several, or All (rendered as <see cref="AllValue"/> when set).</summary>
public sealed record VariableValue(IReadOnlyList<string> Values, bool MultiOrAll, string? AllValue = null)
{
    public static VariableValue Single(string value) => new([value], false);

    /// <summary>
    /// The text that replaces the variable. Several values are always a regex alternation of escaped values; a single
    /// value is regex-escaped when the query uses the variable inside a regex (<paramref name="inRegex"/>), as Grafana's
    /// InfluxDB datasource does, so a value such as <c>.*</c> matches only itself.
    /// </summary>
    public string Render(bool inRegex)
    {
        if (AllValue is not null)
        {
            return AllValue;
        }

        if (!MultiOrAll)
        {
            var value = Values.Count == 0 ? string.Empty : Values[0];
            return inRegex ? GrafanaInterpolation.EscapeRegex(value) : value;
        }

        var escaped = Values.Select(GrafanaInterpolation.EscapeRegex).ToList();
        return escaped.Count == 1 ? escaped[0] : "(" + string.Join('|', escaped) + ")";
    }
}
