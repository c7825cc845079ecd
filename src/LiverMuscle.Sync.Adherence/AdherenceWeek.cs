namespace LiverMuscle.Sync.Adherence;

/// <summary>One user's adherence in one local week (Monday <paramref name="WeekStart"/>).</summary>
public sealed record AdherenceWeek(
    string UserId,
    DateOnly WeekStart,
    DateTimeOffset WeekStartUtc,
    int Sessions,
    int SessionsGoal,
    double ResistanceMinutes,
    int ProteinDaysMet,
    int ProteinDaysLogged,
    double ProteinGoalGPerKg,
    double ScorePct);
