using LiverMuscle.Sync.Markers.Catalog;

namespace LiverMuscle.Sync.Markers.Tests;

[Trait("Category", "Unit")]
public sealed class UnitConversionTests
{
    [Theory]
    [InlineData("alt", 0.5, "µkat/L", 30)]
    [InlineData("alt", 0.5, "ukat/l", 30)]
    [InlineData("ast", 41, "IU/L", 41)]
    [InlineData("albumin", 42, "g/L", 4.2)]
    [InlineData("albumin", 4.1, "g/dL", 4.1)]
    [InlineData("platelets", 250, "10^3/µL", 250)]
    [InlineData("platelets", 250, "10*9/L", 250)]
    [InlineData("platelets", 250, "x10^9/L", 250)]
    [InlineData("hba1c", 48, "mmol/mol", 6.543)]
    [InlineData("grip_strength", 100, "lb", 45.359237)]
    [InlineData("chair_stand_5x", 12.5, "s", 12.5)]
    public void Value_InAcceptedUnit_IsConvertedToTheCanonicalUnit(string marker, double value, string unit, double expected)
    {
        Assert.True(MarkerValue.TryCanonicalize(marker, value, unit, out var definition, out var canonical, out var error), error);
        Assert.Equal(expected, canonical, 3);
        Assert.Equal(marker, definition.Id);
    }

    [Theory]
    [InlineData("alt", 41, "mg/dL", "unknown unit 'mg/dL' for alt")]
    [InlineData("alt", -3, "U/L", "negative value")]
    [InlineData("platelets", 250000, "10^9/L", "outside the plausible range")]
    [InlineData("albumin", 42, "g/dL", "outside the plausible range")]
    [InlineData("cholesterol", 5, "mmol/L", "unknown marker 'cholesterol'")]
    [InlineData("ast", 30, "", "no unit given for ast")]
    public void Value_ImpossibleOrUnknown_IsRejectedWithAReason(string marker, double value, string unit, string reason)
    {
        Assert.False(MarkerValue.TryCanonicalize(marker, value, unit, out _, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogue_FindsMarkersByLoincCode()
    {
        Assert.Equal("alt", MarkerCatalog.FindByLoinc("1742-6")?.Id);
        Assert.Equal("platelets", MarkerCatalog.FindByLoinc("777-3")?.Id);
        Assert.Null(MarkerCatalog.FindByLoinc("2093-3"));
    }
}
