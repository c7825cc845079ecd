using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State.Programmes;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>A reminder as a notification: one idempotency key per (person, reminder, local date), the reminder disclaimer at the end.</summary>
internal static class ReminderMessages
{
    /// <summary>The <c>rule</c> of a reminder's notifications, e.g. <c>reminder.training-day</c>.</summary>
    public static string RuleId(ReminderKind kind) => kind switch
    {
        ReminderKind.TrainingDay => "reminder.training-day",
        ReminderKind.SelfTest => "reminder.self-test",
        ReminderKind.Recheck => "reminder.recheck",
        _ => "reminder.protein",
    };

    public static AlertNotification Compose(ReminderKind kind, ReminderContext context, ReminderCheck check)
    {
        var personId = context.Person.Id;
        var key = MessageComposer.Key("reminder", RuleId(kind), personId, ReminderContext.Date(context.Today));
        return MessageComposer.Build(
            key, NotificationKind.Reminder, RuleId(kind), personId, "reminder", check.Value, check.Threshold,
            $"Reminder for {context.Person.DisplayName}: {check.Subject}", check.Lines, context.Now);
    }
}
