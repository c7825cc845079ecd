namespace LiverMuscle.Sync.Dashboards.Queries;

/// <summary>Values of the <c>marker</c> tag of <c>health_marker</c> that the dashboards chart (design.md).</summary>
internal static class MarkerNames
{
    public const string Alt = "alt";
    public const string Ast = "ast";
    public const string Ggt = "ggt";
    public const string Platelets = "platelets";
    public const string Fib4 = "fib4";
    public const string Cap = "cap";
    public const string LiverStiffness = "liver_stiffness";
    public const string GripStrength = "grip_strength";
    public const string ChairStand5x = "chair_stand_5x";
}
