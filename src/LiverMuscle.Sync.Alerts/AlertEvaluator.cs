using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.Infrastructure.Telemetry;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts;

/// <summary>
/// Evaluates every rule for each of its users, steps the persisted state, records transitions in <c>alert_event</c>
/// and sends the notifications owed. The state is saved after the notification went out, with the time it did:
/// a restart finds a firing alert already notified and does not send it again before the repeat interval.
/// </summary>
public sealed class AlertEvaluator(
    IOptionsMonitor<AlertsOptions> options,
    IEnumerable<IRuleCondition> conditions,
    IAlertStateStore states,
    IUserStore users,
    NotifierRegistry notifiers,
    IPointSink sink,
    SyncMetrics metrics,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    private readonly Dictionary<AlertRuleKind, IRuleCondition> _conditions = conditions.ToDictionary(c => c.Kind);

    public async Task<IReadOnlyList<AlertOutcome>> EvaluateAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var everyone = (await users.ListAsync(cancellationToken)).Select(u => u.Id).ToList();
        var outcomes = new List<AlertOutcome>();
        foreach (var rule in options.CurrentValue.Rules)
        {
            foreach (var userId in rule.Users.Count > 0 ? rule.Users : everyone)
            {
                outcomes.Add(await EvaluateAsync(rule, userId, now, dryRun, cancellationToken));
            }
        }

        return outcomes;
    }

    private async Task<AlertOutcome> EvaluateAsync(AlertRuleOptions rule, string userId, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        var current = await states.GetAsync(rule.Id, userId, cancellationToken);
        var before = current?.Status ?? AlertStatus.Ok;
        Evaluation? evaluation;
        try
        {
            evaluation = await _conditions[rule.Kind].EvaluateAsync(rule, userId, now, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.EvaluationFailed(logger, rule.Id, userId, e);
            return new AlertOutcome(rule.Id, userId, before, before, null, null, false, e.Message);
        }

        var step = AlertStateMachine.Step(current, rule, userId, evaluation, now);
        if (dryRun)
        {
            return new AlertOutcome(rule.Id, userId, before, step.State.Status, evaluation, step.Notification, false, null);
        }

        if (step.Transition is { } transition)
        {
            Log.Transition(logger, rule.Id, userId, before, transition);
            metrics.RecordAlertTransition(rule.Id, transition.ToString().ToLowerInvariant());
            await sink.WriteAsync([EventPoint(rule, userId, transition, evaluation!, now)], cancellationToken);
        }

        var state = step.State;
        var delivered = false;
        if (step.Notification is { } kind)
        {
            var notification = Compose(rule, userId, kind, step, evaluation!, now);
            delivered = await notifiers.SendAsync(rule.Notifiers, notification, cancellationToken);
            if (delivered || rule.Notifiers.Count == 0)
            {
                state = state with { LastNotifiedAt = now };
            }
        }

        await states.SaveAsync(state, cancellationToken);
        return new AlertOutcome(rule.Id, userId, before, state.Status, evaluation, step.Notification, delivered, null);
    }

    private static AlertNotification Compose(AlertRuleOptions rule, string userId, NotificationKind kind, AlertStep step, Evaluation evaluation, DateTimeOffset now)
    {
        var (episode, sequence) = kind switch
        {
            NotificationKind.Resolved => (step.Previous.Since, 0),
            NotificationKind.Repeat => (step.State.Since, (int)((now - step.State.Since) / rule.RepeatInterval)),
            _ => (step.State.Since, 0),
        };
        return MessageComposer.ForAlert(rule, userId, kind, evaluation, episode, sequence, now);
    }

    private static Point EventPoint(AlertRuleOptions rule, string userId, AlertStatus transition, Evaluation evaluation, DateTimeOffset now) =>
        PointBuilder.For(Measurements.AlertEvent)
            .Tag(TagNames.User, userId).Tag(TagNames.Rule, rule.Id).Tag(TagNames.State, transition.ToString().ToLowerInvariant())
            .Field(FieldNames.AlertEvent.Value, evaluation.Value)
            .Field(FieldNames.AlertEvent.Threshold, evaluation.Threshold)
            .Field(FieldNames.AlertEvent.Message, evaluation.Summary + " " + Disclaimer.Text)
            .At(now)
            .Build();
}
