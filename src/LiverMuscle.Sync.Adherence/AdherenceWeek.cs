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

/// <summary>The raw data of a week: sessions (start, duration), daily protein (local day start, grams), weights (time, kg).</summary>
public sealed record WeekData(
    IReadOnlyList<(DateTimeOffset Start, double DurationS)> Sessions,
    IReadOnlyList<(DateTimeOffset Day, double ProteinG)> Protein,
    IReadOnlyList<(DateTimeOffset Time, double WeightKg)> Weights);
