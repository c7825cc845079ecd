namespace LiverMuscle.Sync.Adherence;

/// <summary>
/// The raw data of a week: sessions (start, duration), daily protein (local day start, grams), weights (time, kg),
/// and the weights of the person's preferred weight source, which win over the others when there are any.
/// </summary>
public sealed record WeekData(
    IReadOnlyList<(DateTimeOffset Start, double DurationS)> Sessions,
    IReadOnlyList<(DateTimeOffset Day, double ProteinG)> Protein,
    IReadOnlyList<(DateTimeOffset Time, double WeightKg)> Weights,
    IReadOnlyList<(DateTimeOffset Time, double WeightKg)>? PreferredWeights = null)
{
    /// <summary>The latest weight before <paramref name="end"/>: of the preferred source when it has one, else of any source; 0 when none.</summary>
    public double WeightBefore(DateTimeOffset end) =>
        Latest(PreferredWeights ?? [], end) ?? Latest(Weights, end) ?? 0;

    private static double? Latest(IReadOnlyList<(DateTimeOffset Time, double WeightKg)> weights, DateTimeOffset end) =>
        weights.Where(w => w.Time < end).OrderBy(w => w.Time).Select(w => (double?)w.WeightKg).LastOrDefault();
}
