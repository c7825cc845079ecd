using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Normalization;
using System.Globalization;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.Markers.Catalog;

namespace LiverMuscle.Sync.Alerts.Conditions;

/// <summary>MarkerAbove and MarkerBelow: the latest value of a marker against a (possibly sex-specific) threshold.</summary>
internal sealed class MarkerThresholdCondition(AlertRuleKind kind, LatestMarkerReader markers, IUserStore users, MarkerProfiles profiles) : IRuleCondition
{
    public AlertRuleKind Kind => kind;

    public async Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sex = (await profiles.GetAsync(userId, cancellationToken)).Sex;
        var threshold = sex is not null && rule.ThresholdBySex.TryGetValue(sex, out var own) ? own : rule.Threshold;
        if (threshold is null || await markers.LatestAsync(userId, rule.Marker!, cancellationToken) is not { } latest)
        {
            return null;
        }

        var above = kind == AlertRuleKind.MarkerAbove;
        var unit = MarkerCatalog.Find(rule.Marker!)?.CanonicalUnit ?? string.Empty;
        var date = LocalCalendar.LocalDate(latest.Time, await users.GetTimeZoneAsync(userId, cancellationToken)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Evaluation(above ? latest.Value > threshold : latest.Value < threshold, latest.Value, threshold.Value,
            string.Create(CultureInfo.InvariantCulture, $"Latest {rule.Marker} {latest.Value} {unit} ({date}) is {(above ? "above" : "below")} the notification threshold {threshold} {unit}."));
    }
}
