using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

internal static class TestPoints
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Weigh-in number <paramref name="i"/> of a user: one per second, so every identity is distinct.</summary>
    public static Point WeighIn(long i, string user = "alice") => WeighInAt(Start.AddSeconds(i), 70 + (i % 1000) / 100.0, user);

    public static Point WeighInAt(DateTimeOffset time, double kg = 72.5, string user = "alice") => PointBuilder.For(Measurements.BodyComposition)
        .Tag(TagNames.User, user)
        .Tag(TagNames.Source, Sources.Withings)
        .Field(FieldNames.BodyComposition.WeightKg, kg)
        .At(time)
        .Build();

    /// <summary>
    /// Whole-second weigh-ins around now: those at the indices in <paramref name="old"/> a day back, the others within
    /// the last half hour.
    /// </summary>
    public static List<Point> RecentAndOld(int count, ISet<int> old)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return Enumerable.Range(0, count).Select(i => WeighInAt(now.AddMinutes(-30).AddSeconds(i).AddDays(old.Contains(i) ? -1 : 0))).ToList();
    }

    public static List<Point> WeighIns(long from, int count, string user = "alice") =>
        Enumerable.Range(0, count).Select(i => WeighIn(from + i, user)).ToList();

    /// <summary>A point outside the schema registry (hostile names, or a type the registry would refuse).</summary>
    public static Point Raw(string measurement, IDictionary<string, string> tags, IDictionary<string, FieldValue> fields, DateTimeOffset time) =>
        new(measurement, new SortedDictionary<string, string>(tags, StringComparer.Ordinal), new SortedDictionary<string, FieldValue>(fields, StringComparer.Ordinal), time);
}
