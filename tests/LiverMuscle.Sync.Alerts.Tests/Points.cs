using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Alerts.Tests;

internal static class Points
{
    public static Point Marker(string user, string marker, double value, string unit, DateTimeOffset time) =>
        PointBuilder.For(Measurements.HealthMarker).Tag(TagNames.User, user).Tag(TagNames.Marker, marker).Tag(TagNames.Source, Sources.Lab)
            .Field(FieldNames.HealthMarker.Value, value).Field(FieldNames.HealthMarker.Unit, unit).At(time).Build();

    public static Point Session(string user, DateTimeOffset time) =>
        PointBuilder.For(Measurements.StrengthSession).Tag(TagNames.User, user).Tag(TagNames.Source, Sources.Withings).Tag(TagNames.Kind, SessionKinds.Weights)
            .Field(FieldNames.StrengthSession.DurationS, 3600L).At(time).Build();
}
