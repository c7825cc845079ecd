namespace LiverMuscle.Sync.Markers.Catalog;

/// <summary>A unit a marker may be given in and how to bring a value in it to the marker's canonical unit.</summary>
public sealed record UnitConversion(string Unit, double Factor, double Offset = 0)
{
    public double ToCanonical(double value) => (value * Factor) + Offset;
}
