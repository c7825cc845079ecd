using System.Globalization;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>How often a (person, provider) is polled: every poll interval, or for reconciliation only while push is healthy.</summary>
public sealed record PollPlan(TimeSpan Interval, bool PushHealthy)
{
    /// <summary>"poll: every 15 min" or "poll: reconciliation every 4 h (push healthy)".</summary>
    public override string ToString() => PushHealthy
        ? $"poll: reconciliation every {Describe(Interval)} (push healthy)"
        : $"poll: every {Describe(Interval)}";

    private static string Describe(TimeSpan interval) => interval switch
    {
        { TotalDays: >= 1 } when interval.Ticks % TimeSpan.TicksPerDay == 0 => string.Create(CultureInfo.InvariantCulture, $"{interval.TotalDays:0} d"),
        { TotalHours: >= 1 } when interval.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{interval.TotalHours:0} h"),
        _ when interval.Ticks % TimeSpan.TicksPerMinute == 0 => string.Create(CultureInfo.InvariantCulture, $"{interval.TotalMinutes:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{interval.TotalSeconds:0.###} s"),
    };
}
