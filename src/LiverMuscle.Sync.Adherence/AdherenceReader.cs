using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Adherence;

/// <summary>
/// Reads the sessions, daily protein and weights of a time span of one person back from InfluxDB, with the weights of
/// their preferred weight source (<see cref="Person.WeightSource"/>) apart.
/// </summary>
public sealed class AdherenceReader(IInfluxQueryClient query, IPersonStore people)
{
    public async Task<WeekData> ReadAsync(string userId, DateTimeOffset from, DateTimeOffset to, TimeSpan weightLookback, CancellationToken cancellationToken)
    {
        // The three reads and the person are independent: asked side by side.
        var sessionsRead = query.QueryAsync(Select(Measurements.StrengthSession, "*", userId, from, to), cancellationToken);
        var proteinRead = query.QueryAsync(Select(Measurements.NutritionDaily, InfluxQl.Identifier(FieldNames.NutritionDaily.ProteinG), userId, from, to), cancellationToken);
        var weightsRead = query.QueryAsync(
            Select(Measurements.BodyComposition, InfluxQl.Identifier(FieldNames.BodyComposition.WeightKg), userId, from - weightLookback, to) + $" GROUP BY {InfluxQl.Identifier(TagNames.Source)}",
            cancellationToken);
        var personRead = people.GetAsync(userId, cancellationToken);
        await Task.WhenAll(sessionsRead, proteinRead, weightsRead, personRead);
        var (sessions, protein, weights) = (await sessionsRead, await proteinRead, await weightsRead);
        var weighIns = weights.Rows().Where(r => r.Double(FieldNames.BodyComposition.WeightKg) is not null)
            .Select(r => (r.Time, Kg: r.Double(FieldNames.BodyComposition.WeightKg)!.Value, Source: r.Tag(TagNames.Source)))
            .OrderBy(w => w.Time)
            .ToList();
        var preferred = (await personRead)?.WeightSource;
        return new WeekData(
            sessions.Rows().Select(r => (r.Time, r.Double(FieldNames.StrengthSession.DurationS) ?? 0)).ToList(),
            protein.Rows().Where(r => r.Double(FieldNames.NutritionDaily.ProteinG) is not null)
                .Select(r => (r.Time, r.Double(FieldNames.NutritionDaily.ProteinG)!.Value)).ToList(),
            weighIns.Select(w => (w.Time, w.Kg)).ToList(),
            preferred is null ? null : weighIns.Where(w => w.Source == preferred).Select(w => (w.Time, w.Kg)).ToList());
    }

    private static string Select(string measurement, string fields, string userId, DateTimeOffset from, DateTimeOffset to) =>
        $"SELECT {fields} FROM {InfluxQl.Identifier(measurement)} WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)} " +
        $"AND time >= {InfluxQl.Time(from)} AND time < {InfluxQl.Time(to)}";
}
