namespace LiverMuscle.Sync.Providers;

/// <summary>Provider ids used in the state store, the <c>provider</c>/<c>source</c> tags and the CLI.</summary>
public static class ProviderNames
{
    public const string Withings = "withings";

    /// <summary>Fitbit data, served by the Google Health API.</summary>
    public const string Fitbit = "fitbit";

    public static IReadOnlyList<string> All { get; } = [Withings, Fitbit];
}
