using System.Globalization;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.Alerts.Conditions;

internal sealed class MuscleMassDropCondition(IInfluxQueryClient query) : IRuleCondition
{
    public AlertRuleKind Kind => AlertRuleKind.MuscleMassDrop;

    public async Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var days = rule.Days ?? 30;
        var result = await query.QueryAsync(
            $"SELECT {InfluxQl.Identifier(FieldNames.BodyComposition.MuscleMassKg)} FROM {InfluxQl.Identifier(Measurements.BodyComposition)} " +
            $"WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)} AND time >= {InfluxQl.Time(now.AddDays(-days))} AND time <= {InfluxQl.Time(now)}",
            cancellationToken);
        var values = result.Rows().Select(r => r.Double(FieldNames.BodyComposition.MuscleMassKg)).OfType<double>().ToList();
        if (values.Count < 2 || values[0] <= 0)
        {
            return null;
        }

        var dropPct = Math.Round((values[0] - values[^1]) / values[0] * 100, 2);
        var threshold = rule.Threshold ?? 3;
        return new Evaluation(dropPct >= threshold, dropPct, threshold,
            string.Create(CultureInfo.InvariantCulture, $"Muscle mass changed from {values[0]} kg to {values[^1]} kg over {days} days ({-dropPct:+0.##;-0.##;0} %); alert at a drop of {threshold} %."));
    }
}
