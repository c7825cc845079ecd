using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Records;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// Google Health data points → the shared schema, tagged <c>source=fitbit</c>. Each point's own UTC offset decides its
/// local day. Identity is user + source (+ kind) + time, never a device, so a Takeout import of the same session or
/// weigh-in lands on the same point.
/// </summary>
public static class FitbitNormalizer
{
    /// <summary>Strength sessions of the configured types, at least the minimum duration long; other types are ignored.</summary>
    public static RecordRead Exercises(string userId, IEnumerable<DataPointDto> points, FitbitOptions options)
    {
        var records = new List<SourceRecord>();
        var errors = new List<RecordError>();
        foreach (var point in points)
        {
            if (point.Exercise is not { } exercise)
            {
                errors.Add(new RecordError(point.Name, $"{point.Name} has no exercise payload"));
                continue;
            }

            var (start, end) = (exercise.Interval.StartTime, exercise.Interval.EndTime);
            if (end <= start)
            {
                errors.Add(new RecordError(point.Name, $"{point.Name} ends ({end:O}) before it starts ({start:O})"));
                continue;
            }

            var duration = end - start;
            if (!options.StrengthExerciseTypes.TryGetValue(exercise.ExerciseType, out var kind) || duration < options.MinimumSessionDuration)
            {
                continue;
            }

            var builder = Session(userId, kind, start, (long)duration.TotalSeconds, (long)(exercise.ActiveDuration ?? duration).TotalSeconds, point.Id, exercise.ExerciseType);
            if (exercise.MetricsSummary?.CaloriesKcal is > 0 and var kcal)
            {
                builder.Field(F.StrengthSession.CaloriesKcal, (long)Math.Round(kcal, MidpointRounding.AwayFromZero));
            }

            if (exercise.MetricsSummary?.AverageHeartRateBeatsPerMinute is > 0 and var hr)
            {
                builder.Field(F.StrengthSession.AvgHrBpm, hr);
            }

            Add(records, errors, point.Name, builder, LocalDay(start, exercise.Interval.StartUtcOffset));
        }

        return new RecordRead(records, errors);
    }

    /// <summary>A <c>strength_session</c> point as the API and an export both describe it.</summary>
    public static PointBuilder Session(string userId, string kind, DateTimeOffset start, long durationS, long activeDurationS, string sourceId, string activityType) =>
        PointBuilder.For(Measurements.StrengthSession)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Fitbit)
            .Tag(TagNames.Kind, kind)
            .At(TruncateToSecond(start))
            .Field(F.StrengthSession.DurationS, durationS)
            .Field(F.StrengthSession.ActiveDurationS, Math.Clamp(activeDurationS, 0, durationS))
            .Field(F.StrengthSession.SourceId, sourceId)
            .Field(F.StrengthSession.ActivityType, activityType);

    /// <summary>Nutrition-log entries summed per local day, stamped at that day's midnight in the user's time zone.</summary>
    public static RecordRead NutritionDays(string userId, IEnumerable<DataPointDto> points, TimeZoneInfo zone)
    {
        var errors = new List<RecordError>();
        var days = new SortedDictionary<DateOnly, DayTotals>();
        foreach (var point in points)
        {
            if (point.NutritionLog is not { } log)
            {
                errors.Add(new RecordError(point.Name, $"{point.Name} has no nutritionLog payload"));
                continue;
            }

            var values = new[] { log.Energy?.Kcal, log.TotalCarbohydrate?.Grams, log.TotalFat?.Grams }
                .Concat(log.Nutrients?.Select(n => n.Quantity?.Grams) ?? []);
            if (values.Any(v => v is < 0 || (v is { } x && !double.IsFinite(x))))
            {
                errors.Add(new RecordError(point.Name, $"{point.Name} has a negative or non-finite quantity"));
                continue;
            }

            var day = LocalDay(log.Interval.StartTime, log.Interval.StartUtcOffset);
            var totals = days.TryGetValue(day, out var t) ? t : days[day] = new DayTotals();
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
            Add(records, errors, DayId(day), builder, day);
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

    /// <summary>Weight (grams → kg) and body fat, paired by their sample time into one <c>body_composition</c> point.</summary>
    public static RecordRead Body(string userId, IEnumerable<DataPointDto> weights, IEnumerable<DataPointDto> bodyFats)
    {
        var errors = new List<RecordError>();
        var samples = new SortedDictionary<DateTimeOffset, BodySample>();
        foreach (var point in weights)
        {
            if (point.Weight is not { } weight || weight.WeightGrams is <= 0 or > 700_000 || !double.IsFinite(weight.WeightGrams))
            {
                errors.Add(new RecordError(point.Name, $"{point.Name} has no plausible weightGrams"));
                continue;
            }

            Sample(samples, weight.SampleTime.PhysicalTime).Weight = point;
        }

        foreach (var point in bodyFats)
        {
            if (point.BodyFat is not { } fat || fat.Percentage is < 0 or > 100 || !double.IsFinite(fat.Percentage))
            {
                errors.Add(new RecordError(point.Name, $"{point.Name} has no body fat percentage between 0 and 100"));
                continue;
            }

            Sample(samples, fat.SampleTime.PhysicalTime).Fat = point;
        }

        var records = new List<SourceRecord>();
        foreach (var (time, sample) in samples)
        {
            var builder = PointBuilder.For(Measurements.BodyComposition)
                .Tag(TagNames.User, userId)
                .Tag(TagNames.Source, Sources.Fitbit)
                .At(time);
            var kg = sample.Weight?.Weight?.WeightGrams / 1000;
            var pct = sample.Fat?.BodyFat?.Percentage;
            if (kg is { } w)
            {
                builder.Field(F.BodyComposition.WeightKg, Round(w));
            }

            if (pct is { } p)
            {
                builder.Field(F.BodyComposition.FatRatioPct, Round(p));
            }

            if (kg is { } weightKg && pct is { } fatPct)
            {
                builder.Field(F.BodyComposition.FatMassKg, Round(weightKg * fatPct / 100));
                builder.Field(F.BodyComposition.FatFreeMassKg, Round(weightKg * (1 - fatPct / 100)));
            }

            var first = sample.Weight ?? sample.Fat!;
            builder.Field(F.BodyComposition.SourceId, first.Id)
                .Field(F.BodyComposition.Manual, first.DataSource?.RecordingMethod == "MANUAL");
            Add(records, errors, first.Name, builder, DateOnly.FromDateTime(time.UtcDateTime), TimeId(time));
        }

        return new RecordRead(records, errors);
    }

    public static string DayId(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TimeId(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The local date of an instant under its own UTC offset; a point without an offset is taken as UTC.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, TimeSpan? utcOffset) =>
        DateOnly.FromDateTime(instant.UtcDateTime + (utcOffset ?? TimeSpan.Zero));

    private static PointBuilder NutritionDay(string userId, DateOnly day, TimeZoneInfo zone) =>
        PointBuilder.For(Measurements.NutritionDaily)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Fitbit)
            .At(LocalCalendar.StartOfDayUtc(day, zone))
            .Field(F.NutritionDaily.LocalDate, DayId(day));

    private static void Add(List<SourceRecord> records, List<RecordError> errors, string name, PointBuilder builder, DateOnly day, string? id = null)
    {
        if (builder.TryBuild(out var point, out var error))
        {
            records.Add(new SourceRecord(id ?? name[(name.LastIndexOf('/') + 1)..], point, day));
        }
        else
        {
            errors.Add(new RecordError(name, $"{name}: {error}"));
        }
    }

    private static BodySample Sample(SortedDictionary<DateTimeOffset, BodySample> samples, DateTimeOffset time)
    {
        var key = TruncateToSecond(time);
        return samples.TryGetValue(key, out var sample) ? sample : samples[key] = new BodySample();
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>Sums of values given with at most a few decimals, without binary noise (27.3 + 46.5 = 73.8).</summary>
    private static double Round(double value) => Math.Round(value, 6);

    private sealed class BodySample
    {
        public DataPointDto? Weight { get; set; }

        public DataPointDto? Fat { get; set; }
    }

    private sealed class DayTotals
    {
        public double Protein { get; private set; }

        public double Energy { get; private set; }

        public double Carbs { get; private set; }

        public double Fat { get; private set; }

        public double Fiber { get; private set; }

        public long Entries { get; private set; }

        public void Add(NutritionLogDto log)
        {
            Entries++;
            Energy += log.Energy?.Kcal ?? 0;
            Carbs += log.TotalCarbohydrate?.Grams ?? 0;
            Fat += log.TotalFat?.Grams ?? 0;
            foreach (var nutrient in log.Nutrients ?? [])
            {
                switch (nutrient.Nutrient)
                {
                    case "PROTEIN":
                        Protein += nutrient.Quantity?.Grams ?? 0;
                        break;
                    case "DIETARY_FIBER":
                        Fiber += nutrient.Quantity?.Grams ?? 0;
                        break;
                }
            }
        }
    }
}
