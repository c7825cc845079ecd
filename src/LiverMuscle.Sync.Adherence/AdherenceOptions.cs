using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Adherence;

/// <summary>Section <c>Adherence</c>: goals (defaults and per user) and how often recent weeks are recomputed.</summary>
public sealed class AdherenceOptions
{
    /// <summary>Goals of every user without their own. Defaults: 2 sessions, no minutes goal, 1.2 g/kg/day.</summary>
#pragma warning disable SYSLIB1212 // Validated by AdherenceOptionsValidator under its own key, Adherence:Defaults.
    public AdherenceGoals Defaults { get; set; } = new() { SessionsPerWeek = 2, ProteinGPerKgPerDay = 1.2 };
#pragma warning restore SYSLIB1212

    /// <summary>Per person id, seeds of their goals: each value overrides the matching default unless the person set their own.</summary>
    public Dictionary<string, AdherenceGoals> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the current and recent weeks of every user are recomputed, at least a minute. Default 1 hour.</summary>
    [DurationRange("00:01:00")]
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Weeks recomputed on the schedule, the current one included (1–52). Default 2.</summary>
    [NumberRange(1, 52)]
    public int RecomputeWeeks { get; set; } = 2;

    /// <summary>How far before a day the latest weight is looked for. Default 180 days.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan WeightLookback { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Each goal from the person's own setting, else the seed <see cref="Users"/>, else <see cref="Defaults"/>.</summary>
    public ResolvedGoals GoalsOf(string userId, PersonGoals? own = null)
    {
        var seed = Users.GetValueOrDefault(userId);
        return new ResolvedGoals(
            own?.SessionsPerWeek ?? seed?.SessionsPerWeek ?? Defaults.SessionsPerWeek ?? 2,
            own?.ResistanceMinutesPerWeek ?? seed?.ResistanceMinutesPerWeek ?? Defaults.ResistanceMinutesPerWeek,
            own?.ProteinGPerKgPerDay ?? seed?.ProteinGPerKgPerDay ?? Defaults.ProteinGPerKgPerDay ?? 1.2);
    }
}
