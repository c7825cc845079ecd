namespace LiverMuscle.Sync.Markers.Catalog;

/// <summary>Converts a value to its marker's canonical unit and checks it can be real.</summary>
internal static class MarkerValue
{
    /// <summary>The canonical value, or an error naming the marker, the unit or the range.</summary>
    public static bool TryCanonicalize(string marker, double value, string? unit, out MarkerDefinition definition, out double canonical, out string error)
    {
        canonical = 0;
        definition = MarkerCatalog.Find(marker)!;
        if (definition is null)
        {
            error = $"unknown marker '{marker}' (known: {string.Join(", ", MarkerCatalog.All.Select(d => d.Id).Order(StringComparer.Ordinal))})";
            return false;
        }

        if (!double.IsFinite(value))
        {
            error = $"value of {definition.Id} is not a number";
            return false;
        }

        if (string.IsNullOrWhiteSpace(unit))
        {
            error = $"no unit given for {definition.Id} (expected {Expected(definition)})";
            return false;
        }

        var conversion = definition.FindUnit(unit);
        if (conversion is null)
        {
            error = $"unknown unit '{unit}' for {definition.Id} (expected {Expected(definition)})";
            return false;
        }

        if (value < 0)
        {
            error = $"negative value {value} {unit} for {definition.Id}";
            return false;
        }

        canonical = Math.Round(conversion.ToCanonical(value), 6);
        if (canonical < definition.MinPlausible || canonical > definition.MaxPlausible)
        {
            error = $"{definition.Id} {value} {unit} (= {canonical} {definition.CanonicalUnit}) is outside the plausible range {definition.MinPlausible}–{definition.MaxPlausible} {definition.CanonicalUnit}";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static string Expected(MarkerDefinition definition) => string.Join(", ", definition.Units.Select(u => u.Unit));
}
