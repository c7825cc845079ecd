using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Records;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

internal static partial class FitbitNormalizer
{
    /// <summary>
    /// Nutrition-log entries summed per local day (by their start: an entry needs no end), stamped at that day's
    /// midnight in the user's time zone. An entry that two sources hold (same start within the tolerance, same energy
    /// and protein) counts once.
    /// </summary>
    public static RecordRead NutritionDays(string userId, IEnumerable<DataPointDto> points, TimeZoneInfo zone)
    {
        var errors = new List<RecordError>();
        var entries = new List<(DataPointDto Point, NutritionLogDto Log, string Id)>();
        foreach (var point in points)
        {
            if (point.NutritionLog is not { } log)
            {
                errors.Add(Missing(point, "nutritionLog"));
                continue;
            }

            var values = new[] { log.Energy?.Kcal, log.TotalCarbohydrate?.Grams, log.TotalFat?.Grams }
                .Concat(log.Nutrients?.Select(n => n.Quantity?.Grams) ?? []);
            if (values.Any(v => v is < 0 || (v is { } x && !double.IsFinite(x))))
            {
                var label = DataPointIdentity.Label(point, "nutrition-log", log.Interval.StartTime);
                errors.Add(new RecordError(label, $"{label} has a negative or non-finite quantity"));
                continue;
            }

            entries.Add((point, log, DataPointIdentity.Of(point, "nutrition-log", log.Interval.StartTime)));
        }

        var days = new SortedDictionary<DateOnly, NutritionDayTotals>();
        var merged = SourceMerge.Events(
            entries,
            e => e.Point,
            e => e.Id,
            e => e.Log.Interval.StartTime,
            e => e.Log.Interval.StartTime + SameEventTolerance,
            (a, b) => SourceMerge.Close(a.Log.Energy?.Kcal, b.Log.Energy?.Kcal, 1) && SourceMerge.Close(NutritionDayTotals.ProteinOf(a.Log), NutritionDayTotals.ProteinOf(b.Log), 0.1));
        foreach (var (_, log, _) in merged)
        {
            var day = LocalDay(log.Interval.StartTime, log.Interval.StartUtcOffset);
            var totals = days.TryGetValue(day, out var t) ? t : days[day] = new NutritionDayTotals();
            totals.Add(log);
        }

        var records = new List<SourceRecord>();
        foreach (var (day, totals) in days)
        {
            var builder = NutritionDay(userId, day, zone)
                .Field(F.NutritionDaily.ProteinG, Round(totals.Protein))
                .Field(F.NutritionDaily.EnergyKcal, Round(totals.Energy))
                .Field(F.NutritionDaily.CarbsG, Round(totals.Carbs))
                .Field(F.NutritionDaily.FatG, Round(totals.Fat))
                .Field(F.NutritionDaily.FiberG, Round(totals.Fiber))
                .Field(F.NutritionDaily.Entries, totals.Entries);
            Add(records, errors, DayId(day), builder, day, DayId(day));
        }

        return new RecordRead(records, errors);
    }

    /// <summary>A day whose entries were all deleted: zeros, not the stale totals.</summary>
    public static Point EmptyNutritionDay(string userId, DateOnly day, TimeZoneInfo zone) =>
        NutritionDay(userId, day, zone)
            .Field(F.NutritionDaily.ProteinG, 0.0)
            .Field(F.NutritionDaily.EnergyKcal, 0.0)
            .Field(F.NutritionDaily.CarbsG, 0.0)
            .Field(F.NutritionDaily.FatG, 0.0)
            .Field(F.NutritionDaily.FiberG, 0.0)
            .Field(F.NutritionDaily.Entries, 0L)
            .Build();

    private static PointBuilder NutritionDay(string userId, DateOnly day, TimeZoneInfo zone) =>
        PointBuilder.For(Measurements.NutritionDaily)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Fitbit)
            .At(LocalCalendar.StartOfDayUtc(day, zone))
            .Field(F.NutritionDaily.LocalDate, DayId(day));
}
