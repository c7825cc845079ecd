namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>The Fitbit data kinds, each with its own cursor.</summary>
internal static class FitbitDataKinds
{
    public const string Exercise = "exercise";
    public const string Nutrition = "nutrition";
    public const string Body = "body";
}
