using System.Globalization;

namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>
/// Deterministic, plausible history in the user's own time zone: weigh-ins most local mornings with gaps, body
/// composition drifting slowly, Body Scan users with segmental readings and duplicated type 5/8 measures, Body Pro 2
/// users whose device id is a JSON number (as real answers carry it), a manual entry now and then, an ambiguous
/// weigh-in by someone else, 2–3 strength workouts a week with misses, a strength "session" of a few minutes now and
/// then (as watches record by mistake), and some walks, runs and rides. The scale model follows the user id (1000001
/// has a Body Pro 2, 1000002 a Body Comp, 1000003 a Body+, 1000004 a Body, 1000005 a Body Scan, and so on).
/// </summary>
internal static class SyntheticHistory
{
    private static readonly int[] StrengthCategories = [16, 16, 16, 540, 17, 546];
    private static readonly int[] OtherCategories = [1, 2, 6];

    /// <summary>The model id the sandbox gives a Body Pro 2; its device ids are numbers.</summary>
    private const int BodyPro2 = 19;

    public static void Fill(SandboxUser user, int seed, DateTimeOffset end, int days)
    {
        // A seed that is the same in every process (HashCode.Combine is not).
        var rng = new Random(unchecked((seed * 1_000_003) + (int)(user.UserId % 1_000_000)));
        (int Id, string Name) model = (user.UserId % 5) switch { 0 => (21, "Body Scan"), 1 => (BodyPro2, "Body Pro 2"), 2 => (18, "Body Comp"), 3 => (13, "Body+"), _ => (5, "Body") };
        var device = model.Id == BodyPro2 ? (15_000_000 + (user.UserId % 1_000_000)).ToString(CultureInfo.InvariantCulture) : $"{user.UserId:x8}{rng.Next():x8}c0ffee";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(user.TimeZone);
        var weight = 62 + rng.NextDouble() * 30;
        var fat = 0.18 + rng.NextDouble() * 0.14;
        var seq = 0;
        var start = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, zone).DateTime).AddDays(-days);
        for (var day = 0; day < days; day++)
        {
            var date = start.AddDays(day);
            weight += (rng.NextDouble() - 0.52) * 0.3;
            fat = Math.Clamp(fat + (rng.NextDouble() - 0.53) * 0.002, 0.08, 0.45);
            if (rng.NextDouble() < 0.8)
            {
                var at = Local(date, zone, 6.5, rng.Next(90)).ToUnixTimeSeconds();
                var manual = rng.NextDouble() < 0.05;
                user.Groups.Add(manual ? Manual(user, ++seq, at, weight) : Device(user, ++seq, at, weight, fat, model, device, rng));
            }

            if (rng.NextDouble() < 0.03)
            {
                var at = Local(date, zone, 19, rng.Next(60)).ToUnixTimeSeconds();
                var other = Device(user, ++seq, at, weight + 14, fat - 0.03, model, device, rng);
                user.Groups.Add(new SandboxGroup { GrpId = other.GrpId, Attrib = 1, Date = at, Created = at + 40, Modified = at + 40, DeviceId = device, ModelId = model.Id, Model = model.Name, Measures = other.Measures });
            }

            var weekday = date.DayOfWeek;
            if (weekday is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday && rng.NextDouble() < 0.8)
            {
                user.Workouts.Add(Workout(user, ++seq, Local(date, zone, 18, rng.Next(60)), StrengthCategories[rng.Next(StrengthCategories.Length)], (35 + rng.Next(40)) * 60, rng));
            }

            if (weekday is DayOfWeek.Sunday or DayOfWeek.Tuesday && rng.NextDouble() < 0.6)
            {
                user.Workouts.Add(Workout(user, ++seq, Local(date, zone, 8, rng.Next(120)), OtherCategories[rng.Next(OtherCategories.Length)], (20 + rng.Next(60)) * 60, rng));
            }

            if (weekday is DayOfWeek.Saturday && rng.NextDouble() < 0.5)
            {
                user.Workouts.Add(Workout(user, ++seq, Local(date, zone, 11, rng.Next(60)), StrengthCategories[rng.Next(StrengthCategories.Length)], 90 + rng.Next(150), rng));
            }
        }
    }

    /// <summary>The instant of <paramref name="hour"/>:<paramref name="minutes"/> local time on <paramref name="date"/> (hours no zone skips).</summary>
    public static DateTimeOffset Local(DateOnly date, TimeZoneInfo zone, double hour, int minutes) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue).AddHours(hour).AddMinutes(minutes), zone), TimeSpan.Zero);

    public static SandboxGroup Manual(SandboxUser user, int seq, long at, double weight) => new()
    {
        GrpId = GroupId(user, seq),
        Attrib = 2,
        Date = at,
        Created = at + 55,
        Modified = at + 55,
        Measures = [new SandboxMeasure((long)Math.Round(weight * 100), 1, -2)],
    };

    public static SandboxGroup Device(SandboxUser user, int seq, long at, double weight, double fat, (int Id, string Name) model, string device, Random rng)
    {
        var w = (long)Math.Round(weight * 1000);
        var fatMass = (long)Math.Round(weight * fat * 100);
        var ffm = (long)Math.Round(weight * 100) - fatMass;
        var measures = new List<SandboxMeasure>
        {
            new(w, 1, -3),
            new((long)Math.Round(fat * 100000), 6, -3),
            new(ffm, 5, -2, 7),
            new(fatMass, 8, -2, 7),
            new((long)Math.Round(ffm * 0.94), 76, -2, 7),
            new((long)Math.Round(ffm * 0.72), 77, -2, 7),
            new(270 + rng.Next(15), 88, -2, 7),
        };
        if (model.Id is not 13)
        {
            measures.Add(new SandboxMeasure(50 + rng.Next(60), 170, -1, 7));
            measures.Add(new SandboxMeasure((long)Math.Round(370 + weight * 14), 226, 0, 7));
        }

        if (model.Id == 21)
        {
            // Body Scan: segmental masses, water compartments, and types 5 and 8 sent twice (seen in real data).
            measures.Add(new SandboxMeasure((long)Math.Round(ffm * 0.29), 168, -2, 7));
            measures.Add(new SandboxMeasure((long)Math.Round(ffm * 0.43), 169, -2, 7));
            foreach (var (position, share) in new[] { (2, 0.055), (3, 0.054), (10, 0.17), (11, 0.172), (12, 0.46) })
            {
                measures.Add(new SandboxMeasure((long)Math.Round(ffm * 0.94 * share), 175, -2, position));
                measures.Add(new SandboxMeasure((long)Math.Round(fatMass * share), 174, -2, position));
            }

            measures.Add(new SandboxMeasure(ffm, 5, -2, 7));
            measures.Add(new SandboxMeasure(fatMass, 8, -2, 7));
        }

        return new SandboxGroup
        {
            GrpId = GroupId(user, seq),
            Attrib = 0,
            Date = at,
            Created = at + 70,
            Modified = at + 70,
            DeviceId = device,
            ModelId = model.Id,
            Model = model.Name,
            Measures = measures,
        };
    }

    public static long GroupId(SandboxUser user, int seq) => (user.UserId * 100_000) + seq;

    private static SandboxWorkout Workout(SandboxUser user, int seq, DateTimeOffset start, int category, int seconds, Random rng)
    {
        var begin = start.ToUnixTimeSeconds();
        var end = begin + seconds;
        return new SandboxWorkout
        {
            Id = (user.UserId * 100_000) + 50_000 + seq,
            Category = category,
            StartDate = begin,
            EndDate = end,
            Modified = end + 300,
            Calories = 120 + rng.Next(300),
            HrAverage = 95 + rng.Next(50),
            PauseDuration = rng.Next(4) * 60,
        };
    }
}
