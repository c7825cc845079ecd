using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>A person, their programme, and "now" in their time zone: the local date whose occasions are judged.</summary>
internal sealed record ReminderContext(Person Person, Programme Programme, TimeZoneInfo Zone, DateTimeOffset Now)
{
    public DateOnly Today { get; } = LocalCalendar.LocalDate(Now, Zone);

    public DateTimeOffset TodayStart => LocalCalendar.StartOfDayUtc(Today, Zone);

    public DateTimeOffset TomorrowStart => LocalCalendar.StartOfDayUtc(Today.AddDays(1), Zone);

    /// <summary>The instant of <paramref name="time"/> today, local; a time a clock change skips is the first valid one after it.</summary>
    public DateTimeOffset TodayAt(TimeOnly time)
    {
        var local = Today.ToDateTime(time, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    /// <summary>Whether <paramref name="due"/> (a date, then every <paramref name="repeat"/> days) falls on today.</summary>
    public bool IsOccasion(DateOnly due, int repeat) => Today >= due && (Today.DayNumber - due.DayNumber) % repeat == 0;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
