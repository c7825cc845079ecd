namespace LiverMuscle.Sync.Providers.Records;

/// <summary>
/// Which workouts of any provider become <c>strength_session</c> points: those of a category the configuration maps
/// to a session kind that last at least the configured minimum (an auto-detected blip of a minute or two is not a
/// training session).
/// </summary>
public static class StrengthSessionRule
{
    /// <summary>The minimum every provider uses unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultMinimumDuration = TimeSpan.FromMinutes(5);

    /// <summary>The session kind of a workout of <paramref name="category"/>, or null when it is not written.</summary>
    public static string? KindOf<TCategory>(IReadOnlyDictionary<TCategory, string> kinds, TCategory category, TimeSpan duration, TimeSpan minimumDuration)
        where TCategory : notnull =>
        kinds.TryGetValue(category, out var kind) && duration >= minimumDuration ? kind : null;
}
