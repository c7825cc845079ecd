using System.Globalization;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Markers.Derived;

namespace LiverMuscle.Sync.Alerts.Conditions;

internal sealed class Fib4BandCondition(LatestMarkerReader markers, MarkerProfiles profiles) : IRuleCondition
{
    public AlertRuleKind Kind => AlertRuleKind.Fib4Band;

    public async Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(userId, cancellationToken);
        if (await markers.LatestAsync(userId, MarkerIds.Fib4, cancellationToken) is not { } latest ||
            profile.AgeOn(DateOnly.FromDateTime(latest.Time.UtcDateTime)) is not { } age)
        {
            return null;
        }

        var band = Fib4.Classify(latest.Value, age);
        var threshold = rule.Band == Fib4Band.High ? Fib4.HighCutoff : Fib4.LowCutoff(age);
        return new Evaluation(band >= rule.Band, latest.Value, threshold,
            string.Create(CultureInfo.InvariantCulture, $"FIB-4 {latest.Value} (age {age}) is in the {band.ToString().ToLowerInvariant()} band; this rule notifies from the {rule.Band.ToString().ToLowerInvariant()} band (cut-off {threshold})."));
    }
}
