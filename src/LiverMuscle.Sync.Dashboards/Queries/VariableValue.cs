namespace LiverMuscle.Sync.Dashboards.Queries;

/// <summary>A variable's selection: one value, several, or All (rendered as <see cref="AllValue"/> when set).</summary>
public sealed record VariableValue(IReadOnlyList<string> Values, bool MultiOrAll, string? AllValue = null)
{
    public static VariableValue Single(string value) => new([value], false);

    public string Render()
    {
        if (AllValue is not null)
        {
            return AllValue;
        }

        if (!MultiOrAll)
        {
            return Values.Count == 0 ? string.Empty : Values[0];
        }

        var escaped = Values.Select(GrafanaInterpolation.EscapeRegex).ToList();
        return escaped.Count == 1 ? escaped[0] : "(" + string.Join('|', escaped) + ")";
    }
}
