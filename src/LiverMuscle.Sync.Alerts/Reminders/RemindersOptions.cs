using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>Section <c>Alerts:Reminders</c>: how the reminders of each person's programme are sent.</summary>
public sealed class RemindersOptions
{
    /// <summary>Names of notifiers (keys of <c>Alerts:Webhooks</c> and <c>Alerts:Email</c>); none: no reminder is sent.</summary>
    public List<string> Notifiers { get; set; } = [];

    /// <summary>How often the service looks whether a reminder is due. Default 5 minutes.</summary>
    [DurationRange("00:00:10")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after its hour a reminder may still go out, e.g. once the worker runs again; never after the person's
    /// local day has ended. Default 6 hours.
    /// </summary>
    [DurationRange("00:00:00", "1.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>An overdue self-test or re-check is reminded again this often (whole days) until a result is recorded. Default 7 days.</summary>
    [DurationRange("1.00:00:00", "365.00:00:00")]
    public TimeSpan OverdueRepeatInterval { get; set; } = TimeSpan.FromDays(7);
}
