namespace LiverMuscle.Sync.Web.Services;

/// <summary>One state change of an alert rule for a person, from <c>alert_event</c>.</summary>
internal sealed record AlertTransition(DateTimeOffset Time, string Rule, string State, string? Message);
