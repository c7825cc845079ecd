using LiverMuscle.Sync.Markers.Catalog;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Rules;

/// <summary>What a rule needs beyond its single settings: a unique id, known notifiers, and what its kind reads.</summary>
internal static class AlertRuleRules
{
    public static void Check(string key, AlertRuleOptions rule, IReadOnlyList<string> notifiers, HashSet<string> ids, ValidateOptionsResultBuilder result)
    {
        if (!string.IsNullOrWhiteSpace(rule.Id) && !ids.Add(rule.Id))
        {
            result.AddError($"{key}:Id '{rule.Id}' is used by two rules.");
        }

        CheckNotifiers(key, rule.Notifiers, notifiers, result);
        switch (rule.Kind)
        {
            case AlertRuleKind.MarkerAbove or AlertRuleKind.MarkerBelow:
                if (rule.Marker is null || MarkerCatalog.Find(rule.Marker) is null)
                {
                    result.AddError($"{key}:Marker must name a known marker ({string.Join(", ", MarkerCatalog.All.Select(m => m.Id))}), got '{rule.Marker}'.");
                }

                if (rule.Threshold is null && rule.ThresholdBySex.Count == 0)
                {
                    result.AddError($"{key}:Threshold (or ThresholdBySex) is required for {rule.Kind}.");
                }

                break;
            case AlertRuleKind.InfluxQl:
                if (string.IsNullOrWhiteSpace(rule.Query) || !rule.Query.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                {
                    result.AddError($"{key}:Query must be an InfluxQL SELECT statement.");
                }

                if (rule.Threshold is null)
                {
                    result.AddError($"{key}:Threshold is required for InfluxQl rules.");
                }

                break;
        }
    }

    public static void CheckNotifiers(string key, IEnumerable<string> named, IReadOnlyList<string> notifiers, ValidateOptionsResultBuilder result)
    {
        foreach (var unknown in named.Where(n => !notifiers.Contains(n, StringComparer.Ordinal)))
        {
            result.AddError($"{key}:Notifiers names '{unknown}', which is neither under Alerts:Webhooks nor Alerts:Email.");
        }
    }
}
