namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>A relative range such as <c>now-6M</c> … <c>now</c>.</summary>
public sealed record TimeRange(string From, string To);
