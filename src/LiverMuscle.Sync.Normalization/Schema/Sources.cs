namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>Values of the <c>source</c> tag.</summary>
public static class Sources
{
    public const string Fitbit = "fitbit";
    public const string Withings = "withings";
    public const string Manual = "manual";
    public const string Lab = "lab";
    public const string Computed = "computed";

    /// <summary>Synthetic history written by the <c>demo</c> verb.</summary>
    public const string Demo = "demo";
}
