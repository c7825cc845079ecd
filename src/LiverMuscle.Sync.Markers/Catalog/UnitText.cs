namespace LiverMuscle.Sync.Markers.Catalog;

/// <summary>Unit spellings compared loosely: case, blanks, µ/μ/u, ^/* and "x10" variants are the same unit.</summary>
internal static class UnitText
{
    public static string Normalize(string unit) =>
        unit.Trim()
            .Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace('\u03bc', 'u')
            .Replace('\u00b5', 'u')
            .Replace('*', '^')
            .Replace("x10^", "10^", StringComparison.OrdinalIgnoreCase)
            .Replace("×10^", "10^", StringComparison.OrdinalIgnoreCase)
            .ToLowerInvariant();
}
