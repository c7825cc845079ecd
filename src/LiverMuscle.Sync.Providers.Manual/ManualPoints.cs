using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// The points of entries made by hand, tagged <c>source=manual</c> and stamped at the local midnight of their day in
/// the person's time zone: one session per (day, kind) and one nutrition total per day, so entering a day again
/// corrects it instead of adding to it.
/// </summary>
internal static class ManualPoints
{
    public static Point Session(string userId, DateOnly day, string kind, int minutes, TimeZoneInfo zone) =>
        PointBuilder.For(Measurements.StrengthSession)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Manual)
            .Tag(TagNames.Kind, kind)
            .At(LocalCalendar.StartOfDayUtc(day, zone))
            .Field(F.StrengthSession.DurationS, minutes * 60L)
            .Field(F.StrengthSession.ActiveDurationS, minutes * 60L)
            .Build();

    public static Point Nutrition(string userId, DateOnly day, IReadOnlyDictionary<string, double> values, TimeZoneInfo zone)
    {
        var builder = PointBuilder.For(Measurements.NutritionDaily)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Manual)
            .At(LocalCalendar.StartOfDayUtc(day, zone))
            .Field(F.NutritionDaily.LocalDate, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var (field, value) in values)
        {
            builder.Field(field, value);
        }

        return builder.Build();
    }
}
