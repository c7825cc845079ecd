using System.Globalization;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.Alerts.Conditions;

/// <summary>No point of a measurement for N days. A user who never had such data is not judged.</summary>
internal sealed class SourceSilentCondition(IInfluxQueryClient query) : IRuleCondition
{
    public AlertRuleKind Kind => AlertRuleKind.SourceSilent;

    public async Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var measurement = rule.Measurement ?? Measurements.BodyComposition;
        var source = rule.Source is null ? string.Empty : $" AND {InfluxQl.Identifier(TagNames.Source)} = {InfluxQl.Literal(rule.Source)}";
        var result = await query.QueryAsync(
            $"SELECT * FROM {InfluxQl.Identifier(measurement)} WHERE {InfluxQl.Identifier(TagNames.User)} = {InfluxQl.Literal(userId)}{source} " +
            $"AND time <= {InfluxQl.Time(now)} ORDER BY time DESC LIMIT 1",
            cancellationToken);
        if (result.Rows().FirstOrDefault() is not { } last)
        {
            return null;
        }

        var days = rule.Days ?? 3;
        var silent = Math.Round((now - last.Time).TotalDays, 1);
        var what = rule.Source is null ? measurement : $"{measurement} from {rule.Source}";
        return new Evaluation(silent >= days, silent, days,
            string.Create(CultureInfo.InvariantCulture, $"No {what} for {silent} days (last {last.Time:yyyy-MM-dd HH:mm} UTC); alert after {days} days."));
    }
}
