using LiverMuscle.Sync.Alerts.Rules;

namespace LiverMuscle.Sync.Alerts.Conditions;

/// <summary>Evaluates one kind of rule. Null means "no data to judge": the alert's state is left as it is.</summary>
public interface IRuleCondition
{
    AlertRuleKind Kind { get; }

    Task<Evaluation?> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, CancellationToken cancellationToken);
}
