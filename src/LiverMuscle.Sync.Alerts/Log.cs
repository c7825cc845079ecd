using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Alerts;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Alert rule {RuleId} could not be evaluated for {UserId}")]
    public static partial void EvaluationFailed(ILogger logger, string ruleId, string userId, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Alert {RuleId} of {UserId}: {Before} -> {After}")]
    public static partial void Transition(ILogger logger, string ruleId, string userId, AlertStatus before, AlertStatus after);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Notifier {Notifier} delivered the {Kind} notification of {RuleId} for {UserId}")]
    public static partial void Notified(ILogger logger, string notifier, string ruleId, string userId, NotificationKind kind);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Notifier {Notifier} could not deliver the notification of {RuleId} for {UserId}")]
    public static partial void NotifyFailed(ILogger logger, string notifier, string ruleId, string userId, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Webhook {Notifier}: attempt {Attempt} failed ({Reason}); retrying")]
    public static partial void WebhookRetry(ILogger logger, string notifier, int attempt, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "E-mail {Notifier}: attempt {Attempt} failed ({Reason}); retrying")]
    public static partial void EmailRetry(ILogger logger, string notifier, int attempt, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "An alert evaluation round failed; the next runs at the next interval")]
    public static partial void EvaluationRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Weekly summary of {UserId} for the week of {Week} sent: {Delivered}")]
    public static partial void SummarySent(ILogger logger, string userId, string week, bool delivered);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "The weekly summary round failed")]
    public static partial void SummaryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "{Kind} reminder of {UserId} for {Date} sent: {Delivered}")]
    public static partial void ReminderSent(ILogger logger, ReminderKind kind, string userId, string date, bool delivered);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "{Kind} reminder of {UserId} not judged: {Reason}")]
    public static partial void ReminderNoData(ILogger logger, ReminderKind kind, string userId, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "The {Kind} reminder of {UserId} could not be checked; it is checked again at the next round")]
    public static partial void ReminderCheckFailed(ILogger logger, ReminderKind kind, string userId, Exception exception);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "A reminder round failed; the next runs at the next interval")]
    public static partial void ReminderRoundFailed(ILogger logger, Exception exception);
}
