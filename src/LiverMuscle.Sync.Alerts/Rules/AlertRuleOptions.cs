using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Markers.Derived;

namespace LiverMuscle.Sync.Alerts.Rules;

/// <summary>One entry of <c>Alerts:Rules</c>. Which settings a kind reads is documented on <see cref="AlertRuleKind"/>.</summary>
public sealed class AlertRuleOptions
{
    /// <summary>Stable id: the <c>rule</c> tag of <c>alert_event</c> and the key of the persisted state.</summary>
    [SettingPattern("^[A-Za-z0-9._-]+$", "must be non-empty letters, digits, '-', '_' or '.'")]
    public string Id { get; set; } = string.Empty;

    public AlertRuleKind Kind { get; set; }

    /// <summary>Shown in messages; the id when empty.</summary>
    public string? Title { get; set; }

    /// <summary>User ids the rule applies to; every user of the state store when empty.</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>Names of notifiers (keys of <c>Alerts:Webhooks</c> and <c>Alerts:Email</c>).</summary>
    public List<string> Notifiers { get; set; } = [];

    /// <summary>How long the condition must hold before the alert fires. Default 0 (at once).</summary>
    [DurationRange("00:00:00")]
    public TimeSpan For { get; set; } = TimeSpan.Zero;

    /// <summary>A firing alert is sent again after this long. Default 1 day.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromDays(1);

    public double? Threshold { get; set; }

    /// <summary>Per sex (<c>male</c>, <c>female</c> from <c>Markers:Users</c>) thresholds, e.g. ALT 33 / 25 U/L.</summary>
    public Dictionary<string, double> ThresholdBySex { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For <see cref="AlertRuleKind.InfluxQl"/>. Default Above.</summary>
    public Comparison Comparison { get; set; } = Comparison.Above;

    public string? Marker { get; set; }

    [NumberRange(1)]
    public int? Days { get; set; }

    /// <summary>For <see cref="AlertRuleKind.SessionsBehind"/>: the local weekday from which the week is judged. Default Thursday.</summary>
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;

    /// <summary>For <see cref="AlertRuleKind.SourceSilent"/>. Default <c>body_composition</c>.</summary>
    public string? Measurement { get; set; }

    /// <summary>A <c>source</c> tag (SourceSilent) or provider name (NeedsReauthorization) to narrow the rule to.</summary>
    public string? Source { get; set; }

    public string? Query { get; set; }

    /// <summary>For <see cref="AlertRuleKind.Fib4Band"/>: the lowest band that fires. Default High.</summary>
    public Fib4Band Band { get; set; } = Fib4Band.High;

    public string DisplayName => string.IsNullOrWhiteSpace(Title) ? Id : Title;
}
