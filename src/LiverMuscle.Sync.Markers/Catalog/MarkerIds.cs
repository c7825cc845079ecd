namespace LiverMuscle.Sync.Markers.Catalog;

/// <summary>Values of the <c>marker</c> tag of <c>health_marker</c>.</summary>
public static class MarkerIds
{
    public const string Alt = "alt";
    public const string Ast = "ast";
    public const string Ggt = "ggt";
    public const string Platelets = "platelets";
    public const string Albumin = "albumin";
    public const string HbA1c = "hba1c";
    public const string Cap = "cap";
    public const string LiverStiffness = "liver_stiffness";
    public const string GripStrength = "grip_strength";
    public const string ChairStand5x = "chair_stand_5x";
    public const string StairsClimbed = "stairs_climbed";
    public const string Fib4 = "fib4";

    /// <summary>Appendicular (arms + legs) muscle mass ÷ height², computed from segmental scans.</summary>
    public const string AppendicularMuscleIndex = "ammi";
}
