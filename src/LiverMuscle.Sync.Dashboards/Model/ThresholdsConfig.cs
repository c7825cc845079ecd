namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>Absolute thresholds; the first step has no value (it is the base colour).</summary>
public sealed record ThresholdsConfig(string Mode, IReadOnlyList<Threshold> Steps)
{
    public static ThresholdsConfig Absolute(string baseColor, params (double Value, string Color)[] steps) =>
        new("absolute", [new Threshold(null, baseColor), .. steps.Select(s => new Threshold(s.Value, s.Color))]);
}
