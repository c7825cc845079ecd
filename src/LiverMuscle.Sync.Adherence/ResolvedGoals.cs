namespace LiverMuscle.Sync.Adherence;

/// <summary>Goals with every value decided.</summary>
public sealed record ResolvedGoals(int SessionsPerWeek, double? ResistanceMinutesPerWeek, double ProteinGPerKgPerDay);
