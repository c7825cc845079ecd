namespace LiverMuscle.Sync.Adherence;

/// <summary>The raw data of a week: sessions (start, duration), daily protein (local day start, grams), weights (time, kg).</summary>
public sealed record WeekData(
    IReadOnlyList<(DateTimeOffset Start, double DurationS)> Sessions,
    IReadOnlyList<(DateTimeOffset Day, double ProteinG)> Protein,
    IReadOnlyList<(DateTimeOffset Time, double WeightKg)> Weights);
