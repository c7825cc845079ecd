using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Adherence.Tests;

/// <summary>
/// A synthetic history of alice (Europe/Berlin) around the end of summer time on Sunday 2026-10-25, when the week of
/// Monday 19 October lasts 169 hours: it starts at 2026-10-18T22:00Z (CEST) and ends at 2026-10-25T23:00Z (CET).
/// </summary>
internal static class History
{
    public static Point[] Points() =>
    [
        Weight("2026-10-10T06:00:00Z", 80),
        Weight("2026-10-22T05:00:00Z", 75),

        // Week of 12 October: one session. The one on Sunday 18th 22:30Z is Monday 00:30 CEST, so the next week.
        Session("2026-10-14T17:00:00Z", 3000),
        Session("2026-10-18T22:30:00Z", 2700),
        Session("2026-10-19T16:00:00Z", 3600),

        // Sunday 25th 22:30Z is still Sunday (23:30 CET): in UTC+2 it would fall into the next week.
        Session("2026-10-25T22:30:00Z", 1800),

        // Protein, stamped at local midnight: Mon..Fri and Sun of the week of 19 October (no log on Saturday).
        Protein("2026-10-18T22:00:00Z", 100), // 100/80 = 1.25 met
        Protein("2026-10-19T22:00:00Z", 90), // 1.125 not met
        Protein("2026-10-20T22:00:00Z", 96), // 1.2 met
        Protein("2026-10-21T22:00:00Z", 90), // weighed 75 kg that morning: 1.2 met
        Protein("2026-10-22T22:00:00Z", 80), // 1.07 not met
        Protein("2026-10-24T22:00:00Z", 100), // Sunday, midnight still CEST: 1.33 met
        Protein("2026-10-25T23:00:00Z", 200), // Monday 26th (CET): the next week
    ];

    private static Point Weight(string time, double kg) => PointBuilder.For(Measurements.BodyComposition)
        .Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings).Field(FieldNames.BodyComposition.WeightKg, kg).At(At(time)).Build();

    private static Point Session(string time, long seconds) => PointBuilder.For(Measurements.StrengthSession)
        .Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings).Tag(TagNames.Kind, SessionKinds.Weights)
        .Field(FieldNames.StrengthSession.DurationS, seconds).At(At(time)).Build();

    private static Point Protein(string time, double grams) => PointBuilder.For(Measurements.NutritionDaily)
        .Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Fitbit).Field(FieldNames.NutritionDaily.ProteinG, grams).At(At(time)).Build();

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
}
