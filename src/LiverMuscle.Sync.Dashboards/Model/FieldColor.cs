namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record FieldColor(string Mode)
{
    public static FieldColor Classic { get; } = new("palette-classic");

    public static FieldColor ByThresholds { get; } = new("thresholds");
}
