namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>Body segments of a segmental (body-scan) reading.</summary>
public enum BodySegment
{
    LeftArm,
    RightArm,
    LeftLeg,
    RightLeg,
    Trunk,
}

internal static class BodySegmentExtensions
{
    public static string FieldSuffix(this BodySegment segment) => segment switch
    {
        BodySegment.LeftArm => "left_arm",
        BodySegment.RightArm => "right_arm",
        BodySegment.LeftLeg => "left_leg",
        BodySegment.RightLeg => "right_leg",
        BodySegment.Trunk => "trunk",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown body segment."),
    };
}
