using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Adherence;

/// <summary>A user's weekly goals. Unset values fall back to <see cref="AdherenceOptions.Defaults"/>.</summary>
public sealed class AdherenceGoals
{
    /// <summary>Resistance sessions per week, 0–21 (WHO: at least 2).</summary>
    [NumberRange(0, 21)]
    public int? SessionsPerWeek { get; set; }

    /// <summary>Resistance minutes per week; no minutes goal when unset.</summary>
    [NumberRange(0)]
    public double? ResistanceMinutesPerWeek { get; set; }

    /// <summary>Protein per kg body weight per day, above 0 and at most 5 (default 1.2).</summary>
    [NumberRange(0, 5, MinimumIsExclusive = true)]
    public double? ProteinGPerKgPerDay { get; set; }
}
