namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// Deterministic, plausible history per user (seed + user number): a fixed UTC offset; 2–3 strength sessions a week
/// with misses, some runs and walks, rare 1–2 minute passive strength blips and, per the options, exercise types no
/// client has seen; 2–5 food entries most days; a weigh-in most mornings with body fat on most of them; one height.
/// </summary>
internal static class SyntheticHistory
{
    public const string UnknownExerciseType = "UNDERWATER_HOCKEY_V2";

    private static readonly (TimeSpan Offset, string Zone)[] Zones =
    [
        (TimeSpan.FromHours(1), "Africa/Lagos"),
        (TimeSpan.FromHours(-5), "America/Bogota"),
        (TimeSpan.Zero, "Atlantic/Reykjavik"),
        (TimeSpan.FromHours(9), "Asia/Tokyo"),
        (TimeSpan.FromHours(5.5), "Asia/Kolkata"),
        (TimeSpan.FromHours(-3), "America/Sao_Paulo"),
    ];

    private static readonly string[] StrengthTypes =
        ["WEIGHTLIFTING", "WEIGHTLIFTING", "WEIGHTLIFTING", "STRENGTH_TRAINING", "STRENGTH_TRAINING", "WEIGHTS", "CIRCUIT_TRAINING", "CALISTHENICS", "FUNCTIONAL_STRENGTH_TRAINING", "POWERLIFTING"];

    private static readonly (string Food, double MinProtein, double MaxProtein)[] Foods =
    [
        ("Chicken breast, grilled", 30, 60), ("Greek yogurt with oats", 15, 30), ("Protein shake", 20, 45), ("Scrambled eggs", 12, 25),
        ("Lentil soup", 10, 22), ("Tuna salad", 20, 40), ("Apple", 5, 6), ("Banana bread", 5, 8), ("Salmon with rice", 25, 45),
        ("Cottage cheese", 12, 28), ("Peanut butter toast", 7, 14), ("Beef burrito", 22, 40), ("Tofu stir fry", 14, 30),
    ];

    /// <summary>The user of this seed and number; <paramref name="zone"/> replaces the drawn time zone and offset.</summary>
    public static SandboxUser CreateUser(int seed, int number, (TimeSpan Offset, string Zone)? zone = null)
    {
        var rng = new Random(StableSeed(seed, number));
        var healthUserId = rng.NextInt64(1_000_000_000_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var legacy = new string([.. Enumerable.Range(0, 6).Select(_ => Alphabet[rng.Next(Alphabet.Length)])]);
        var (offset, name) = Zones[rng.Next(Zones.Length)];
        (offset, name) = zone ?? (offset, name);
        return new SandboxUser(healthUserId, legacy, offset, name, rng);
    }

    public static void Fill(SandboxUser user, DateTimeOffset end, int days, GoogleHealthSandboxOptions options)
    {
        var rng = user.Rng;
        var offset = user.UtcOffset;
        var lastDay = (end.UtcDateTime + offset).Date;
        var firstDay = lastDay.AddDays(1 - days);
        var strengthDays = rng.Next(2) == 0 ? new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday } : [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday];
        var cardioDays = strengthDays[0] == DayOfWeek.Monday ? new[] { DayOfWeek.Tuesday, DayOfWeek.Sunday } : [DayOfWeek.Monday, DayOfWeek.Sunday];
        var eveningLifter = rng.NextDouble() < 0.7;
        var weight = 62_000 + (rng.NextDouble() * 33_000);
        var fat = 14 + (rng.NextDouble() * 16);
        var nonStrength = 0;
        var points = new List<StoredPoint>();

        DateTimeOffset At(DateTime day, double hours)
        {
            var utc = day.AddSeconds(Math.Round(hours * 3600)) - offset;
            return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        points.Add(PointFactory.Height(new SandboxSample(PointFactory.Name(user, DataTypeCatalog.Height, user.NewId(100_000, 999_999)), At(firstDay, 12), offset, 1_650 + rng.Next(300))));
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            weight += ((rng.NextDouble() - 0.52) * 90) + ((80_000 - weight) * 0.002);
            fat = Math.Clamp(fat + ((rng.NextDouble() - 0.53) * 0.15), 7, 45);
            if (rng.NextDouble() < 0.82)
            {
                var at = At(day, 6.4 + (rng.NextDouble() * 1.6));
                var manual = rng.NextDouble() < 0.08;
                var id = user.NewId(1_000_000_000_000_000_000, long.MaxValue - 1);
                var grams = Math.Round(weight + ((rng.NextDouble() - 0.5) * 600), 1);
                points.Add(PointFactory.Weight(new SandboxSample(PointFactory.Name(user, DataTypeCatalog.Weight, id), at, offset, grams), manual ? PointSource.FitbitManual : PointSource.Scale));
                if (!manual && rng.NextDouble() < 0.88 && user.UsedIds.Add(id + 1))
                {
                    var percent = Math.Round(fat + ((rng.NextDouble() - 0.5) * 0.8), 1);
                    points.Add(PointFactory.BodyFat(new SandboxSample(PointFactory.Name(user, DataTypeCatalog.BodyFat, id + 1), at, offset, percent), PointSource.Scale));
                }
            }

            if (strengthDays.Contains(day.DayOfWeek) && rng.NextDouble() < 0.78)
            {
                var start = At(day, eveningLifter ? 17 + (rng.NextDouble() * 2.5) : 6 + (rng.NextDouble() * 1.5));
                var type = StrengthTypes[rng.Next(StrengthTypes.Length)];
                var passive = rng.NextDouble() < 0.12;
                points.Add(Exercise(user, rng, start, TimeSpan.FromMinutes(30 + rng.Next(46)).Add(TimeSpan.FromSeconds(rng.Next(60))), type, passive, options));
            }

            if (cardioDays.Contains(day.DayOfWeek) && rng.NextDouble() < 0.55)
            {
                var running = rng.NextDouble() < 0.5;
                nonStrength++;
                var type = options.UnknownExerciseTypeEvery > 0 && nonStrength % options.UnknownExerciseTypeEvery == 0 ? UnknownExerciseType : running ? "RUNNING" : "WALKING";
                var minutes = running ? 20 + rng.Next(31) : 25 + rng.Next(46);
                points.Add(Exercise(user, rng, At(day, 8 + (rng.NextDouble() * 3)), TimeSpan.FromMinutes(minutes).Add(TimeSpan.FromSeconds(rng.Next(60))), type, passive: rng.NextDouble() < 0.3, options, cardio: true));
            }

            if (rng.NextDouble() < 0.05)
            {
                points.Add(Exercise(user, rng, At(day, 10 + (rng.NextDouble() * 6)), TimeSpan.FromSeconds(60 + rng.Next(61)), "STRENGTH_TRAINING", passive: true, options));
            }

            if (rng.NextDouble() < 0.88)
            {
                AddMeals(user, rng, day, points, At, options.NutritionWithoutEndTimeEvery);
            }
        }

        points.RemoveAll(p => p.Record switch
        {
            SandboxExercise e => e.End > end,
            SandboxNutritionLog n => n.End > end,
            _ => p.Time > end,
        });
        user.Points.AddRange(points);
    }

    public static StoredPoint Exercise(SandboxUser user, Random rng, DateTimeOffset start, TimeSpan duration, string type, bool passive, GoogleHealthSandboxOptions options, bool cardio = false)
    {
        var end = start + duration;
        var blip = duration < TimeSpan.FromMinutes(3);
        var active = blip || rng.NextDouble() < 0.1 ? (TimeSpan?)null : duration - TimeSpan.FromSeconds(rng.Next(Math.Min(240, (int)duration.TotalSeconds / 4)));
        var minutes = duration.TotalMinutes;
        var record = new SandboxExercise(
            PointFactory.Name(user, DataTypeCatalog.Exercise, user.NewId(1_000_000_000_000_000_000, long.MaxValue)),
            start,
            end,
            user.UtcOffset,
            type,
            active,
            Math.Round(minutes * (cardio ? 7 : 5.5) * (0.8 + (rng.NextDouble() * 0.4)), 1),
            blip && rng.NextDouble() < 0.5 ? null : 92 + rng.Next(50),
            passive ? "PASSIVELY_MEASURED" : "ACTIVELY_MEASURED");
        var detail = new ExerciseDetail(
            blip ? null : (long)(minutes * (0.2 + (rng.NextDouble() * 0.4))),
            cardio ? (long)(minutes * (100 + rng.Next(60))) : blip ? null : rng.Next(200, 700),
            cardio ? Math.Round(minutes * (type == "RUNNING" ? 170_000 : 85_000) * (0.9 + (rng.NextDouble() * 0.2))) : null,
            Events: !passive,
            Created: end.AddMinutes(rng.Next(1, 20)).AddTicks(rng.Next(1, 10_000_000) * 10),
            Updated: end.AddMinutes(25).AddTicks(rng.Next(1, 10_000_000) * 10));
        return PointFactory.Exercise(record, detail, options.OmitExerciseCivilTimes);
    }

    public static StoredPoint Meal(SandboxUser user, Random rng, DateTimeOffset start, string mealType, string food, double protein, double? kcalOverride = null, int withoutEndEvery = 0)
    {
        var carbs = Math.Round(rng.NextDouble() * 60, 1);
        var fat = Math.Round(rng.NextDouble() * 25, 1);
        var kcal = kcalOverride ?? Math.Round((protein * 4) + (carbs * 4) + (fat * 9));
        var healthConnect = rng.NextDouble() < 0.3;
        var record = new SandboxNutritionLog(
            PointFactory.Name(user, DataTypeCatalog.NutritionLog, user.NewId(100_000_000_000_000_000, 999_999_999_999_999_999)),
            start,
            start.AddMinutes(10 + rng.Next(16)),
            user.UtcOffset,
            food,
            mealType,
            kcal,
            carbs,
            fat,
            protein,
            rng.NextDouble() < 0.6 ? Math.Round(rng.NextDouble() * 8, 1) : null);
        var withEnd = withoutEndEvery == 0 || PageTokens.Hash(record.Name) % withoutEndEvery != 0;
        return PointFactory.Nutrition(record, healthConnect ? PointSource.HealthConnect : PointSource.FitbitManual, rng.NextDouble() < 0.4 ? Math.Round(rng.NextDouble() * 0.8, 3) : null, withEnd);
    }

    private static void AddMeals(SandboxUser user, Random rng, DateTime day, List<StoredPoint> points, Func<DateTime, double, DateTimeOffset> at, int withoutEndEvery)
    {
        var meals = new List<(string Meal, double Hour)> { ("BREAKFAST", 7.5), ("LUNCH", 12.5), ("DINNER", 19) };
        (string, double)[] extras = [("BEFORE_LUNCH", 10.5), ("BEFORE_DINNER", 16), ("AFTER_DINNER", 21.5), ("SNACK", 15)];
        var count = 2 + rng.Next(4);
        while (meals.Count > count)
        {
            meals.RemoveAt(rng.Next(meals.Count));
        }

        while (meals.Count < count)
        {
            meals.Add(extras[meals.Count - 1]);
        }

        foreach (var (meal, hour) in meals)
        {
            var (food, min, max) = Foods[rng.Next(Foods.Length)];
            var protein = Math.Round(min + (rng.NextDouble() * (max - min)), 2);
            points.Add(Meal(user, rng, at(day, hour + (rng.NextDouble() * 0.75)), meal, food, protein, withoutEndEvery: withoutEndEvery));
        }
    }

    /// <summary>A seed that does not depend on the process (unlike <see cref="HashCode"/>).</summary>
    private static int StableSeed(int seed, int number)
    {
        var x = ((ulong)(uint)seed << 32) | (uint)number;
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return (int)((x ^ (x >> 31)) & int.MaxValue);
    }
}
