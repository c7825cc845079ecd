using System.Globalization;

namespace LiverMuscle.Sync.Providers.Budget;

/// <summary>The budget's windows as saved before they were JSON, read once so a restart keeps counting them.</summary>
internal static class LegacyBudgetText
{
    /// <summary>One line per scope: <c>scope TAB hold-until TAB grant,grant,…</c>, times in unix milliseconds.</summary>
    public static IEnumerable<BudgetWindowState> Parse(string saved)
    {
        foreach (var line in saved.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var hold))
            {
                var scope = parts[0].Split('\u001f', 2);
                var grants = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(g => long.TryParse(g, NumberStyles.Integer, CultureInfo.InvariantCulture, out var at) ? at : (long?)null)
                    .OfType<long>();
                yield return new BudgetWindowState(scope[0], scope.Length == 2 ? scope[1] : null, hold, [.. grants]);
            }
        }
    }
}
