using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Alerts.Conditions;

internal sealed class NeedsReauthorizationCondition(ITokenStore tokens) : IRuleCondition
{
    public AlertRuleKind Kind => AlertRuleKind.NeedsReauthorization;

    public async Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connections = (await tokens.ListAsync(cancellationToken))
            .Where(c => c.UserId == userId && (rule.Source is null || c.Provider == rule.Source))
            .ToList();
        if (connections.Count == 0)
        {
            return null;
        }

        var dead = connections.Where(c => c.Status == ConnectionStatus.NeedsReauthorization).Select(c => c.Provider).Order(StringComparer.Ordinal).ToList();
        return new Evaluation(dead.Count > 0, dead.Count, 0, dead.Count > 0
            ? $"The connection to {string.Join(", ", dead)} needs to be authorised again (run `livermuscle-sync connect`); syncing of it has stopped."
            : "Every provider connection is authorised.");
    }
}
