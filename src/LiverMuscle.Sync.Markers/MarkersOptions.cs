namespace LiverMuscle.Sync.Markers;

/// <summary>Section <c>Markers</c>: derived markers and what is known of each user.</summary>
public sealed class MarkersOptions
{
    /// <summary>AST, ALT and platelets count together for FIB-4 when all three fall within this span. Default 30 days.</summary>
    public TimeSpan Fib4Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Per user id: birth date (for FIB-4) and sex (for sex-specific thresholds).</summary>
    public Dictionary<string, MarkerUserProfile> Users { get; set; } = new(StringComparer.Ordinal);
}
