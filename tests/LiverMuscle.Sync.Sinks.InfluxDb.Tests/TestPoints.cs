using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

internal static class TestPoints
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Weigh-in number <paramref name="i"/> of a user: one per second, so every identity is distinct.</summary>
    public static Point WeighIn(long i, string user = "alice") => PointBuilder.For(Measurements.BodyComposition)
        .Tag(TagNames.User, user)
        .Tag(TagNames.Source, Sources.Withings)
        .Field(FieldNames.BodyComposition.WeightKg, 70 + (i % 1000) / 100.0)
        .At(Start.AddSeconds(i))
        .Build();

    public static List<Point> WeighIns(long from, int count, string user = "alice") =>
        Enumerable.Range(0, count).Select(i => WeighIn(from + i, user)).ToList();

    /// <summary>A point outside the schema registry (hostile names, or a type the registry would refuse).</summary>
    public static Point Raw(string measurement, IDictionary<string, string> tags, IDictionary<string, FieldValue> fields, DateTimeOffset time) =>
        new(measurement, new SortedDictionary<string, string>(tags, StringComparer.Ordinal), new SortedDictionary<string, FieldValue>(fields, StringComparer.Ordinal), time);
}
