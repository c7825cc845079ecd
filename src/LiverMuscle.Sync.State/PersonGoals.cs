namespace LiverMuscle.Sync.State;

/// <summary>A person's own weekly goals; an unset value falls back to configuration (<c>Adherence:Users</c>, then <c>Adherence:Defaults</c>).</summary>
public sealed record PersonGoals(int? SessionsPerWeek = null, double? ResistanceMinutesPerWeek = null, double? ProteinGPerKgPerDay = null)
{
    public static PersonGoals None { get; } = new();
}
