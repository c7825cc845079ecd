namespace LiverMuscle.Sync.Markers.Catalog;

/// <summary>
/// One marker: its id (the <c>marker</c> tag), canonical unit, the other units it is accepted in, the range a real
/// value can fall in (outside it the input is rejected as a typo or wrong unit), and its LOINC codes.
/// </summary>
public sealed record MarkerDefinition(
    string Id,
    string DisplayName,
    string CanonicalUnit,
    IReadOnlyList<UnitConversion> Units,
    double MinPlausible,
    double MaxPlausible,
    IReadOnlyList<string> LoincCodes)
{
    public UnitConversion? FindUnit(string unit)
    {
        var wanted = UnitText.Normalize(unit);
        return Units.FirstOrDefault(u => UnitText.Normalize(u.Unit) == wanted);
    }
}
