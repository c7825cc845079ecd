using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.Markers.Derived;

/// <summary>
/// Appendicular muscle mass index = (muscle mass of both arms and both legs) ÷ height², written as the <c>ammi</c>
/// marker at the time of every segmental reading that has all four limbs, when the person's height is known.
/// </summary>
internal sealed class AppendicularMuscleCalculator(IInfluxQueryClient query, IPointSink sink, MarkerProfiles profiles)
{
    private static readonly string[] Limbs =
    [
        FieldNames.BodyComposition.SegmentMuscleMassKg(BodySegment.LeftArm),
        FieldNames.BodyComposition.SegmentMuscleMassKg(BodySegment.RightArm),
        FieldNames.BodyComposition.SegmentMuscleMassKg(BodySegment.LeftLeg),
        FieldNames.BodyComposition.SegmentMuscleMassKg(BodySegment.RightLeg),
    ];

    public async Task<IReadOnlyList<(DateTimeOffset Time, double Value)>> RecomputeAsync(string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if ((await profiles.GetAsync(userId, cancellationToken)).HeightM is not { } height)
        {
            return [];
        }

        var result = await query.QueryAsync(
            $"SELECT {string.Join(", ", Limbs.Select(InfluxQl.Identifier))} FROM {InfluxQl.Identifier(Measurements.BodyComposition)} " +
            $"WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)} AND time >= {InfluxQl.Time(from)} AND time <= {InfluxQl.Time(to)}",
            cancellationToken);
        var values = result.Rows()
            .Select(r => (r.Time, Limbs: Limbs.Select(r.Double).ToArray()))
            .Where(r => r.Limbs.All(v => v is > 0))
            .Select(r => (r.Time, Value: Math.Round(r.Limbs.Sum(v => v!.Value) / (height * height), 2)))
            .ToList();
        if (values.Count > 0)
        {
            await sink.WriteAsync(values.Select(v => PointBuilder.For(Measurements.HealthMarker)
                .Tag(TagNames.User, userId).Tag(TagNames.Marker, MarkerIds.AppendicularMuscleIndex).Tag(TagNames.Source, Sources.Computed)
                .Field(FieldNames.HealthMarker.Value, v.Value).Field(FieldNames.HealthMarker.Unit, "kg/m2")
                .At(v.Time).Build()).ToList(), cancellationToken);
        }

        return values;
    }
}
