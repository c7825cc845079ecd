using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Alerts.Summary;

/// <summary>Section <c>Alerts:WeeklySummary</c>: a per-user summary sent once a week.</summary>
public sealed class WeeklySummaryOptions
{
    /// <summary>Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Local weekday of the user on which it is sent. Default Monday.</summary>
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;

    /// <summary>Local hour (0–23) from which it is sent. Default 8.</summary>
    [NumberRange(0, 23)]
    public int Hour { get; set; } = 8;

    public List<string> Notifiers { get; set; } = [];

    /// <summary>A marker not measured for this long is listed as due for re-check. Default 90 days.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the service looks whether a summary is due. Default 15 minutes.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}
