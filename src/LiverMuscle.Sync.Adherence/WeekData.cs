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
    /// <summary>The part of this data one week reads: its sessions and protein days, and weights of the look-back before it.</summary>
    public WeekData Within(DateTimeOffset start, DateTimeOffset end, TimeSpan weightLookback) => new(
        [.. Sessions.Where(s => s.Start >= start && s.Start < end)],
        [.. Protein.Where(p => p.Day >= start && p.Day < end)],
        Weighed(Weights, start - weightLookback, end),
        PreferredWeights is null ? null : Weighed(PreferredWeights, start - weightLookback, end));

    /// <summary>The latest weight before <paramref name="end"/>: of the preferred source when it has one, else of any source; 0 when none.</summary>
    public double WeightBefore(DateTimeOffset end) =>
        Latest(PreferredWeights ?? [], end) ?? Latest(Weights, end) ?? 0;

    private static List<(DateTimeOffset Time, double WeightKg)> Weighed(IEnumerable<(DateTimeOffset Time, double WeightKg)> weights, DateTimeOffset from, DateTimeOffset to) =>
        [.. weights.Where(w => w.Time >= from && w.Time < to)];

    private static double? Latest(IReadOnlyList<(DateTimeOffset Time, double WeightKg)> weights, DateTimeOffset end) =>
        weights.Where(w => w.Time < end).OrderBy(w => w.Time).Select(w => (double?)w.WeightKg).LastOrDefault();
}
