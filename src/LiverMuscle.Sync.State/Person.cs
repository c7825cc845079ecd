namespace LiverMuscle.Sync.State;

/// <summary>
/// A person whose data is synced, as stored. <paramref name="Id"/> is a <see cref="PersonId"/> slug and
/// <paramref name="TimeZone"/> an IANA id deciding their days and weeks. Unset profile values fall back to the
/// configuration seeds (<c>Markers:Users:ID</c>, <c>Adherence:Users:ID</c>, <c>Alerts:Email:NAME:Recipients:ID</c>).
/// <paramref name="WeightSource"/> is the <c>source</c> whose weight counts for protein g/kg when a scale and a
/// tracker both weigh them (null: the latest of any).
/// </summary>
public sealed record Person(
    string Id,
    string DisplayName,
    string TimeZone,
    TimeZoneOrigin TimeZoneOrigin,
    DateOnly? BirthDate,
    string? Sex,
    double? HeightM,
    PersonGoals Goals,
    IReadOnlyList<string> Recipients,
    string? WeightSource,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>A new person with nothing but an id, a zone and its origin.</summary>
    public static Person Create(string id, string timeZone, TimeZoneOrigin origin, DateTimeOffset now) =>
        new(id, id, timeZone, origin, null, null, null, PersonGoals.None, [], null, now, now);
}
