using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>Deterministic points with distinct identities: point i is one second after point i-1.</summary>
internal static class SyntheticPoints
{
    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Point At(long i) => PointBuilder.For(Measurements.BodyComposition)
        .Tag(TagNames.User, "user" + (i % 4))
        .Tag(TagNames.Source, Sources.Withings)
        .Field(FieldNames.BodyComposition.WeightKg, 60 + (i % 4000) / 100.0)
        .Field(FieldNames.BodyComposition.FatRatioPct, 20 + (i % 700) / 100.0)
        .Field(FieldNames.BodyComposition.SourceId, "g" + i)
        .At(Start.AddSeconds(i))
        .Build();

    public static List<Point> Range(long from, int count)
    {
        var points = new List<Point>(count);
        for (var i = from; i < from + count; i++)
        {
            points.Add(At(i));
        }

        return points;
    }
}
