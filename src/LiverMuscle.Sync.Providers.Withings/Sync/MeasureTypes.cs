using LiverMuscle.Sync.Normalization.Schema;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames.BodyComposition;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// Which Withings meastypes become which <c>body_composition</c> fields. Segmental readings (173 fat-free, 174 fat,
/// 175 muscle mass per <c>position</c>) become one field per segment (<c>muscle_mass_kg_left_arm</c>, …) rather than
/// a <c>segment</c> tag: a tag would split one weigh-in into six points with different identities, and a deleted
/// weigh-in would then need six deletions. Segmental fat-free mass has no field in the schema and is not kept.
/// </summary>
internal static class MeasureTypes
{
    public static readonly IReadOnlyDictionary<int, string> WholeBody = new Dictionary<int, string>
    {
        [1] = F.WeightKg,
        [5] = F.FatFreeMassKg,
        [6] = F.FatRatioPct,
        [8] = F.FatMassKg,
        [76] = F.MuscleMassKg,
        [77] = F.HydrationKg,
        [88] = F.BoneMassKg,
        [168] = F.ExtracellularWaterKg,
        [169] = F.IntracellularWaterKg,
        [170] = F.VisceralFatIndex,
        [226] = F.BasalMetabolicRateKcal,
    };

    public const int SegmentFatMass = 174;
    public const int SegmentMuscleMass = 175;

    /// <summary>Withings <c>position</c> codes of a body-scan reading → segment.</summary>
    public static BodySegment? Segment(int? position) => position switch
    {
        2 => BodySegment.RightArm,
        3 => BodySegment.LeftArm,
        10 => BodySegment.LeftLeg,
        11 => BodySegment.RightLeg,
        12 => BodySegment.Trunk,
        _ => null,
    };
}
