namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>The data kinds of the Withings sources (part of the cursor key).</summary>
internal static class WithingsDataKinds
{
    public const string BodyComposition = "body_composition";
    public const string Workouts = "workouts";
}
