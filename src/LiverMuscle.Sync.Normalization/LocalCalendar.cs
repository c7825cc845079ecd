namespace LiverMuscle.Sync.Normalization;

/// <summary>Days and Monday-based weeks in a user's time zone, mapped to UTC instants.</summary>
public static class LocalCalendar
{
    /// <summary>The UTC instant of local midnight starting <paramref name="date"/> (the first valid local time if midnight is skipped).</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The Monday of the local week containing <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The Mondays of every local week that overlaps [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static IEnumerable<DateOnly> WeeksBetween(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var last = WeekStart(LocalDate(to, zone));
        for (var week = WeekStart(LocalDate(from, zone)); week <= last; week = week.AddDays(7))
        {
            yield return week;
        }
    }
}
