namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>Where a page starts: after the point (time, name) in newest-first order, or at the very start.</summary>
internal readonly record struct PagePosition(DateTimeOffset? Time, string? Name, bool AtEnd, bool EmptyServed)
{
    public static readonly PagePosition Start = new(null, null, AtEnd: false, EmptyServed: false);
}
