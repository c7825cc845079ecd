using LiverMuscle.Sync.Markers.Catalog;

namespace LiverMuscle.Sync.Web.Forms;

/// <summary>One blood-work or scan value: a marker with its unit (one choice, <c>alt|U/L</c>), the value and the day.</summary>
internal sealed class MarkerForm
{
    /// <summary>Markers computed from others (FIB-4, muscle mass index) are not entered.</summary>
    private static readonly HashSet<string> Computed = [MarkerIds.Fib4, MarkerIds.AppendicularMuscleIndex];

    public string? Choice { get; set; }

    public string? Value { get; set; }

    public string? Date { get; set; }

    /// <summary>Every enterable marker of the catalogue with each unit it is accepted in, the canonical unit first.</summary>
    public static IReadOnlyList<(MarkerDefinition Marker, IReadOnlyList<string> Units)> Choices { get; } = MarkerCatalog.All
        .Where(d => !Computed.Contains(d.Id))
        .OrderBy(d => d.DisplayName, StringComparer.Ordinal)
        .Select(d => (d, (IReadOnlyList<string>)[.. d.Units.Select(u => u.Unit).Distinct(StringComparer.Ordinal).OrderBy(u => u == d.CanonicalUnit ? 0 : 1)]))
        .ToList();

    public static string ChoiceOf(string marker, string unit) => marker + "|" + unit;

    public (string Marker, string Unit)? ParsedChoice => Choice?.Split('|', 2) is [var marker, var unit] ? (marker, unit) : null;
}
