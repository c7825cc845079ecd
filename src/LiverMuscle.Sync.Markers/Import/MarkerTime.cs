using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Markers.Import;

/// <summary>A date without a time of day, or an exact instant.</summary>
public readonly record struct MarkerTime(DateOnly? Date, DateTimeOffset? Instant)
{
    public static MarkerTime OfDate(DateOnly date) => new(date, null);

    public static MarkerTime OfInstant(DateTimeOffset instant) => new(null, instant);

    /// <summary>The UTC timestamp of the point: a date becomes local midnight in <paramref name="zone"/>; whole seconds.</summary>
    public DateTimeOffset ToUtc(TimeZoneInfo zone)
    {
        if (Instant is { } instant)
        {
            var utc = instant.ToUniversalTime();
            return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }

        return LocalCalendar.StartOfDayUtc(Date!.Value, zone);
    }
}
