namespace LiverMuscle.Sync.Adherence;

/// <summary>A user's weekly goals. Unset values fall back to <see cref="AdherenceOptions.Defaults"/>.</summary>
public sealed class AdherenceGoals
{
    /// <summary>Resistance sessions per week (WHO: at least 2).</summary>
    public int? SessionsPerWeek { get; set; }

    /// <summary>Resistance minutes per week; no minutes goal when unset.</summary>
    public double? ResistanceMinutesPerWeek { get; set; }

    /// <summary>Protein per kg body weight per day (default 1.2).</summary>
    public double? ProteinGPerKgPerDay { get; set; }
}
