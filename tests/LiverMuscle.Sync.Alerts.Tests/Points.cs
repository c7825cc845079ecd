using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Alerts.Tests;

internal static class Points
{
    public static Point Marker(string user, string marker, double value, string unit, DateTimeOffset time) =>
        PointBuilder.For(Measurements.HealthMarker).Tag(TagNames.User, user).Tag(TagNames.Marker, marker).Tag(TagNames.Source, Sources.Lab)
            .Field(FieldNames.HealthMarker.Value, value).Field(FieldNames.HealthMarker.Unit, unit).At(time).Build();

    public static Point Session(string user, DateTimeOffset time, string source = Sources.Withings, string kind = SessionKinds.Weights) =>
        PointBuilder.For(Measurements.StrengthSession).Tag(TagNames.User, user).Tag(TagNames.Source, source).Tag(TagNames.Kind, kind)
            .Field(FieldNames.StrengthSession.DurationS, 3600L).At(time).Build();

    /// <summary>A day's protein, at the local midnight starting <paramref name="day"/>.</summary>
    public static Point Protein(string user, DateTimeOffset day, double grams) =>
        PointBuilder.For(Measurements.NutritionDaily).Tag(TagNames.User, user).Tag(TagNames.Source, Sources.Fitbit)
            .Field(FieldNames.NutritionDaily.ProteinG, grams).At(day).Build();

    public static Point Weight(string user, DateTimeOffset time, double kg) =>
        PointBuilder.For(Measurements.BodyComposition).Tag(TagNames.User, user).Tag(TagNames.Source, Sources.Withings)
            .Field(FieldNames.BodyComposition.WeightKg, kg).At(time).Build();
}
