using LiverMuscle.Sync.Sandbox.Withings;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>Which sandbox workouts the default configuration writes as strength sessions: a mapped category, five minutes or more.</summary>
internal static class StrengthSessions
{
    private static readonly int[] Categories = [16, 540, 17, 546];

    public static bool Written(SandboxWorkout workout) => Categories.Contains(workout.Category) && workout.Duration >= TimeSpan.FromMinutes(5);

    /// <summary>A mapped category, but too short to count.</summary>
    public static bool TooShort(SandboxWorkout workout) => Categories.Contains(workout.Category) && workout.Duration < TimeSpan.FromMinutes(5);
}
