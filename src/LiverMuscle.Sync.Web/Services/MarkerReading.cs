namespace LiverMuscle.Sync.Web.Services;

/// <summary>The latest value of one marker of a person, and whether it is due for a re-check (<c>Alerts:WeeklySummary:RecheckAfter</c>).</summary>
internal sealed record MarkerReading(string Marker, string DisplayName, double Value, string Unit, DateTimeOffset Time, bool Due);
