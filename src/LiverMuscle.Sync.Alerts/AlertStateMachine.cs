using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Alerts;

/// <summary>
/// ok → pending → firing → resolved. Pending becomes firing once the condition has held for <c>For</c>; a firing
/// alert is notified when it starts and again each <c>RepeatInterval</c>; its resolution is notified once. No data
/// (a null evaluation) changes nothing. The firing state's <c>Since</c> is when it became due (pending start +
/// <c>For</c>), so re-evaluating the same persisted state yields the same notification and idempotency key. A
/// firing or resolution notification that no notifier delivered stays owed and is sent at the next evaluation.
/// </summary>
internal static class AlertStateMachine
{
    public static AlertStep Step(AlertState? current, AlertRuleOptions rule, string userId, Evaluation? evaluation, DateTimeOffset now)
    {
        current ??= new AlertState(rule.Id, userId, AlertStatus.Ok, now, null, null, null, now);
        if (evaluation is null)
        {
            return new AlertStep(current, null, null, current);
        }

        var next = current with { LastValue = evaluation.Value, UpdatedAt = now };
        if (evaluation.Breached)
        {
            switch (current.Status)
            {
                case AlertStatus.Ok or AlertStatus.Resolved when rule.For > TimeSpan.Zero:
                    return new AlertStep(next with { Status = AlertStatus.Pending, Since = now }, AlertStatus.Pending, null, current);
                case AlertStatus.Ok or AlertStatus.Resolved:
                    return Fire(next with { Since = now }, current);
                case AlertStatus.Pending when now - current.Since >= rule.For:
                    return Fire(next with { Since = current.Since + rule.For }, current);
                case AlertStatus.Pending:
                    return new AlertStep(next, null, null, current);
            }

            // Firing: first notification still owed (a send failed), or the repeat interval has passed.
            if (current.LastNotifiedAt is null || current.LastNotifiedAt < current.Since)
            {
                return new AlertStep(next, null, NotificationKind.Firing, current);
            }

            return now - current.LastNotifiedAt.Value >= rule.RepeatInterval
                ? new AlertStep(next, null, NotificationKind.Repeat, current)
                : new AlertStep(next, null, null, current);
        }

        return current.Status switch
        {
            AlertStatus.Pending => new AlertStep(next with { Status = AlertStatus.Ok, Since = now }, AlertStatus.Ok, null, current),
            AlertStatus.Firing => new AlertStep(next with { Status = AlertStatus.Resolved, Since = now }, AlertStatus.Resolved, NotificationKind.Resolved, current),

            // The resolution could not be delivered before: owe it still, without a second transition.
            AlertStatus.Resolved when current.LastNotifiedAt is null || current.LastNotifiedAt < current.Since =>
                new AlertStep(next, null, NotificationKind.Resolved, current),
            _ => new AlertStep(next, null, null, current),
        };

        static AlertStep Fire(AlertState state, AlertState previous) =>
            new(state with { Status = AlertStatus.Firing }, AlertStatus.Firing, NotificationKind.Firing, previous);
    }
}
