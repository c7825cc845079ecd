using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;

namespace LiverMuscle.Sync.Alerts.Conditions;

/// <summary>A custom InfluxQL rule: the first numeric value of the first row, compared with the threshold.</summary>
internal sealed class InfluxQlCondition(IInfluxQueryClient query) : IRuleCondition
{
    public AlertRuleKind Kind => AlertRuleKind.InfluxQl;

    public async Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var statement = rule.Query!.Replace("$user", InfluxQl.Literal(userId), StringComparison.Ordinal)
            .Replace("$now", InfluxQl.Time(now), StringComparison.Ordinal);
        var result = await query.QueryAsync(statement, cancellationToken);
        var series = result.Series.Count > 0 ? result.Series[0] : null;
        if (series is null || series.Values.Count == 0)
        {
            return null;
        }

        var row = series.Values[0];
        double? value = null;
        for (var i = 0; i < series.Columns.Count && value is null; i++)
        {
            if (series.Columns[i] != "time" && row[i].ValueKind == JsonValueKind.Number)
            {
                value = row[i].GetDouble();
            }
        }

        if (value is not { } v)
        {
            return null;
        }

        var threshold = rule.Threshold!.Value;
        return new Evaluation(rule.Comparison.Holds(v, threshold), v, threshold,
            string.Create(CultureInfo.InvariantCulture, $"{rule.DisplayName}: {v} {rule.Comparison.Symbol()} {threshold} is {(rule.Comparison.Holds(v, threshold) ? "true" : "false")}."));
    }
}
