namespace LiverMuscle.Sync.State;

/// <summary>A person whose data is synced. <paramref name="Id"/> is a slug; <paramref name="TimeZone"/> an IANA id.</summary>
public sealed record UserRecord(string Id, string TimeZone, DateTimeOffset CreatedAt);
