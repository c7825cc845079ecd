using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Markers;

/// <summary>Section <c>Markers</c>: derived markers and what is known of each user.</summary>
public sealed class MarkersOptions
{
    /// <summary>AST, ALT and platelets count together for FIB-4 when all three fall within this span (at most 365 days). Default 30 days.</summary>
    [DurationRange("00:00:00", "365.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan Fib4Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Per user id: birth date (for FIB-4) and sex (for sex-specific thresholds).</summary>
    public Dictionary<string, MarkerUserProfile> Users { get; set; } = new(StringComparer.Ordinal);
}
