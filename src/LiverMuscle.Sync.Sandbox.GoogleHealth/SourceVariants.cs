using System.Globalization;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// What real accounts hold beside one source's history (see <see cref="GoogleHealthSandboxOptions.MultiSource"/>):
/// each source's record of an event is its own data point. Deterministic per user and independent of the history's
/// generator, so the typed records stay the same with the switch on or off.
/// </summary>
internal static class SourceVariants
{
    public static void Apply(SandboxUser user, GoogleHealthSandboxOptions options)
    {
        if (!options.MultiSource)
        {
            return;
        }

        var rng = new Random((int)(ulong.Parse(user.HealthUserId, CultureInfo.InvariantCulture) % int.MaxValue));
        var added = new List<StoredPoint>();
        WeighIns(user, rng, added);
        Sessions(user, rng, options, added);
        Meals(user, rng, added);
        user.Points.AddRange(added);
    }

    /// <summary>
    /// Some weigh-ins only a phone scale app wrote (through Health Connect, so without a name); a Health Connect copy
    /// of some of the scale's, up to 40 s later and rounded to 100 g (and its body fat to whole percent).
    /// </summary>
    private static void WeighIns(SandboxUser user, Random rng, List<StoredPoint> added)
    {
        var fats = user.Points.Where(p => p.DataType == DataTypeCatalog.BodyFat).ToDictionary(p => p.Time);
        for (var i = 0; i < user.Points.Count; i++)
        {
            var point = user.Points[i];
            if (point.DataType != DataTypeCatalog.Weight || point.Source != PointSource.Scale || point.Record is not SandboxSample weight)
            {
                continue;
            }

            fats.TryGetValue(point.Time, out var fat);
            var draw = rng.NextDouble();
            if (draw < 0.15)
            {
                user.Points[i] = PointFactory.Weight(weight, PointSource.PhoneScaleApp, named: false);
                if (fat?.Record is SandboxSample percent)
                {
                    user.Points[user.Points.IndexOf(fat)] = PointFactory.BodyFat(percent, PointSource.PhoneScaleApp, named: false);
                }
            }
            else if (draw < 0.4)
            {
                var at = point.Time.AddSeconds(rng.Next(3) == 0 ? 0 : rng.Next(1, 41));
                added.Add(Copy(user, rng, point, DataTypeCatalog.Weight, id => PointFactory.Weight(weight with { Name = id, Time = at, Value = Math.Round(weight.Value / 100) * 100 }, PointSource.PhoneScaleApp, named: false), named: false));
                if (fat?.Record is SandboxSample percent)
                {
                    added.Add(Copy(user, rng, fat, DataTypeCatalog.BodyFat, id => PointFactory.BodyFat(percent with { Name = id, Time = at, Value = Math.Round(percent.Value) }, PointSource.PhoneScaleApp, named: false), named: false));
                }
            }
        }
    }

    /// <summary>A gym app's record of some strength sessions (its own type, a start up to 90 s later, an end up to 2 min earlier); a legacy integration's copy of others in the same second.</summary>
    private static void Sessions(SandboxUser user, Random rng, GoogleHealthSandboxOptions options, List<StoredPoint> added)
    {
        foreach (var point in user.Points.Where(p => p.Record is SandboxExercise { RecordingMethod: "ACTIVELY_MEASURED" }).ToList())
        {
            var session = (SandboxExercise)point.Record!;
            var draw = rng.NextDouble();
            if (draw >= 0.3 || session.End - session.Start < TimeSpan.FromMinutes(10))
            {
                continue;
            }

            var gymApp = draw < 0.2;
            var (source, type, start, end) = gymApp
                ? (PointSource.GymApp, session.ExerciseType == "WEIGHTLIFTING" ? "STRENGTH_TRAINING" : session.ExerciseType, session.Start.AddSeconds(rng.Next(91)), session.End.AddSeconds(-rng.Next(121)))
                : (PointSource.LegacyIntegration, session.ExerciseType, session.Start, session.End);
            var detail = new ExerciseDetail(null, null, null, Events: false, Created: end.AddMinutes(3), Updated: end.AddMinutes(3));
            added.Add(Copy(user, rng, point, DataTypeCatalog.Exercise, id => PointFactory.Exercise(
                session with { Name = id, Start = start, End = end, ExerciseType = type, ActiveDuration = null, CaloriesKcal = null, AverageHeartRate = null, RecordingMethod = source.RecordingMethod },
                detail,
                options.OmitExerciseCivilTimes,
                source)));
        }
    }

    /// <summary>Some food entries synced through a second app: same start and values, another source.</summary>
    private static void Meals(SandboxUser user, Random rng, List<StoredPoint> added)
    {
        foreach (var point in user.Points.Where(p => p.Record is SandboxNutritionLog).ToList())
        {
            if (rng.NextDouble() >= 0.12)
            {
                continue;
            }

            var source = point.Source == PointSource.HealthConnect ? PointSource.LegacyIntegration : PointSource.HealthConnect;
            var log = (SandboxNutritionLog)point.Record!;
            added.Add(Copy(user, rng, point, DataTypeCatalog.NutritionLog, id => PointFactory.Nutrition(log with { Name = id }, source, null)));
        }
    }

    private static StoredPoint Copy(SandboxUser user, Random rng, StoredPoint primary, string type, Func<string, StoredPoint> build, bool named = true) =>
        build(PointFactory.Name(user, type, user.NewId(1_000_000_000_000_000_000, long.MaxValue, rng))).AsCopyOf(primary, named);
}
