using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Worker.Preview;

/// <summary>
/// A deterministic, plausible history for one person: weigh-ins most mornings with gaps and a slow drift in body
/// composition, two to three strength sessions a week with misses, a daily protein log, and quarterly blood work.
/// All of it is tagged <c>source=demo</c>; <c>dashboards preview --demo</c> draws from it.
/// </summary>
internal sealed class PreviewHistory(string userId, TimeZoneInfo zone, DateOnly lastDay, int days)
{
    public IEnumerable<Point> Points()
    {
        var random = new Random(20261124);
        for (var day = lastDay.AddDays(1 - days); day <= lastDay; day = day.AddDays(1))
        {
            var progress = (double)(day.DayNumber - lastDay.AddDays(1 - days).DayNumber) / days;
            if (random.NextDouble() > 0.15)
            {
                yield return WeighIn(At(day, 7, random.Next(0, 50)), progress, random);
            }

            if (IsTrainingDay(day, random))
            {
                yield return Session(At(day, 18, random.Next(0, 40)), random);
            }

            yield return Nutrition(day, random);
            if (day.Day == 1 && day.Month % 3 == 1)
            {
                foreach (var marker in BloodWork(At(day, 8, 15), progress))
                {
                    yield return marker;
                }
            }
        }
    }

    private static bool IsTrainingDay(DateOnly day, Random random) => day.DayOfWeek switch
    {
        DayOfWeek.Monday or DayOfWeek.Thursday => random.NextDouble() > 0.2,
        DayOfWeek.Saturday => random.NextDouble() > 0.6,
        _ => false,
    };

    private DateTimeOffset At(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private Point WeighIn(DateTimeOffset time, double progress, Random random)
    {
        var weight = Math.Round(84.0 - 2.5 * progress + (random.NextDouble() - 0.5) * 0.8, 2);
        var fatRatio = Math.Round(29.0 - 2.0 * progress + (random.NextDouble() - 0.5) * 0.6, 1);
        var fatMass = Math.Round(weight * fatRatio / 100, 2);
        return PointBuilder.For(Measurements.BodyComposition)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Demo)
            .Field(FieldNames.BodyComposition.WeightKg, weight)
            .Field(FieldNames.BodyComposition.FatRatioPct, fatRatio)
            .Field(FieldNames.BodyComposition.FatMassKg, fatMass)
            .Field(FieldNames.BodyComposition.FatFreeMassKg, Math.Round(weight - fatMass, 2))
            .Field(FieldNames.BodyComposition.MuscleMassKg, Math.Round((weight - fatMass) * 0.94, 2))
            .At(time)
            .Build();
    }

    private Point Session(DateTimeOffset start, Random random)
    {
        var minutes = random.Next(35, 70);
        return PointBuilder.For(Measurements.StrengthSession)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Demo)
            .Tag(TagNames.Kind, SessionKinds.Weights)
            .Field(FieldNames.StrengthSession.DurationS, minutes * 60L)
            .Field(FieldNames.StrengthSession.ActiveDurationS, (long)(minutes * 60 * 0.8))
            .Field(FieldNames.StrengthSession.CaloriesKcal, (long)(minutes * 6.5))
            .Field(FieldNames.StrengthSession.AvgHrBpm, (long)random.Next(105, 135))
            .At(start)
            .Build();
    }

    private Point Nutrition(DateOnly day, Random random)
    {
        var protein = Math.Round(70 + random.NextDouble() * 60, 1);
        return PointBuilder.For(Measurements.NutritionDaily)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Demo)
            .Field(FieldNames.NutritionDaily.ProteinG, protein)
            .Field(FieldNames.NutritionDaily.EnergyKcal, Math.Round(1900 + random.NextDouble() * 600, 0))
            .Field(FieldNames.NutritionDaily.CarbsG, Math.Round(180 + random.NextDouble() * 80, 1))
            .Field(FieldNames.NutritionDaily.FatG, Math.Round(60 + random.NextDouble() * 30, 1))
            .Field(FieldNames.NutritionDaily.FiberG, Math.Round(18 + random.NextDouble() * 14, 1))
            .Field(FieldNames.NutritionDaily.Entries, (long)random.Next(3, 9))
            .Field(FieldNames.NutritionDaily.LocalDate, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .At(At(day, 0, 0))
            .Build();
    }

    private IEnumerable<Point> BloodWork(DateTimeOffset time, double progress)
    {
        (string Marker, double Value, string Unit)[] results =
        [
            ("alt", Math.Round(48 - 12 * progress, 0), "U/L"),
            ("ast", Math.Round(36 - 8 * progress, 0), "U/L"),
            ("ggt", Math.Round(55 - 10 * progress, 0), "U/L"),
            ("platelets", Math.Round(235 + 10 * progress, 0), "10^9/L"),
        ];
        foreach (var (marker, value, unit) in results)
        {
            yield return PointBuilder.For(Measurements.HealthMarker)
                .Tag(TagNames.User, userId)
                .Tag(TagNames.Marker, marker)
                .Tag(TagNames.Source, Sources.Demo)
                .Field(FieldNames.HealthMarker.Value, value)
                .Field(FieldNames.HealthMarker.Unit, unit)
                .At(time)
                .Build();
        }
    }
}
