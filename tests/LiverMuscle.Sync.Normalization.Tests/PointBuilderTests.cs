using LiverMuscle.Sync.Normalization.Schema;
using Xunit;

namespace LiverMuscle.Sync.Normalization.Tests;

[Trait("Category", "Unit")]
public sealed class PointBuilderTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 2, 7, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Build_ValidPoint_SortsTagsAndFieldsAndStoresUtc()
    {
        var point = PointBuilder.For(Measurements.BodyComposition)
            .Tag(TagNames.Source, Sources.Withings)
            .Tag(TagNames.User, "alice")
            .Field(FieldNames.BodyComposition.WeightKg, 81.25)
            .Field(FieldNames.BodyComposition.FatRatioPct, 22.5)
            .At(Time)
            .Build();

        Assert.Equal(["source", "user"], point.Tags.Keys);
        Assert.Equal(["fat_ratio_pct", "weight_kg"], point.Fields.Keys);
        Assert.Equal(TimeSpan.Zero, point.Timestamp.Offset);
        Assert.Equal(Time, point.Timestamp);
        Assert.Equal("body_composition[source=withings,user=alice]@2026-11-02T06:30:00.0000000Z", point.Describe());
    }

    [Fact]
    public void Field_IntegerForAFloatField_IsWidened()
    {
        var point = PointBuilder.For(Measurements.NutritionDaily).Field(FieldNames.NutritionDaily.ProteinG, 95L).At(Time).Build();

        Assert.Equal(FieldType.Float, point.Fields[FieldNames.NutritionDaily.ProteinG].Type);
        Assert.Equal(95.0, point.Fields[FieldNames.NutritionDaily.ProteinG].Number);
    }

    [Fact]
    public void Build_FloatForAnIntegerField_NamesTheFieldAndTheExpectedType()
    {
        var error = Assert.Throws<SchemaViolationException>(() =>
            PointBuilder.For(Measurements.StrengthSession).Field(FieldNames.StrengthSession.DurationS, 12.5).At(Time).Build());

        Assert.Contains("field 'duration_s' of 'strength_session' must be Integer, got Float", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Build_NonFiniteNumber_IsRefused(double value)
    {
        var error = Assert.Throws<SchemaViolationException>(() =>
            PointBuilder.For(Measurements.BodyComposition).Field(FieldNames.BodyComposition.WeightKg, value).At(Time).Build());

        Assert.Contains("not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownTagFieldAndMissingTime_ReportsEveryProblem()
    {
        var builder = PointBuilder.For(Measurements.HealthMarker).Tag("colour", "red").Field("mood", 3.0);

        var built = builder.TryBuild(out _, out var error);

        Assert.False(built);
        Assert.Contains("tag 'colour' is not part of measurement 'health_marker'", error, StringComparison.Ordinal);
        Assert.Contains("field 'mood' is not part of measurement 'health_marker'", error, StringComparison.Ordinal);
        Assert.Contains("needs a timestamp", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_EmptyValue_IsLeftOut()
    {
        var point = PointBuilder.For(Measurements.BodyComposition).Tag(TagNames.Device, "").Tag(TagNames.User, "a").Field(FieldNames.BodyComposition.WeightKg, 1.0).At(Time).Build();

        Assert.Equal(["user"], point.Tags.Keys);
    }

    [Fact]
    public void For_UnknownMeasurement_Throws()
    {
        var error = Assert.Throws<SchemaViolationException>(() => PointBuilder.For("steps"));

        Assert.Contains("Unknown measurement 'steps'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_PinsQuantitiesAsFloatsAndCountsAsIntegers()
    {
        foreach (var schema in SchemaRegistry.All)
        {
            foreach (var (field, type) in schema.Fields)
            {
                var isCount = field is "entries" or "sessions" or "sessions_goal" or "protein_days_met" or "protein_days_logged" or "records" or "requests" or "rejected" or "spool_depth"
                              || field.EndsWith("_s", StringComparison.Ordinal) || field.EndsWith("_ms", StringComparison.Ordinal)
                              || field is "calories_kcal" or "avg_hr_bpm" or "budget_remaining" or "budget_limit";
                if (type is FieldType.Float or FieldType.Integer)
                {
                    Assert.True(isCount == (type == FieldType.Integer), $"{schema.Name}.{field} is {type}");
                }
            }
        }
    }
}
