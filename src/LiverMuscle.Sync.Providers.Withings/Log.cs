using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Withings;

internal static partial class Log
{
    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Backfilling Withings {DataKind} of {UserId} from {From} (window {Done} of {Total})")]
    public static partial void Backfilling(ILogger logger, string userId, string dataKind, DateTimeOffset from, int done, int total);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Stopped paging Withings {DataKind} of {UserId} after {Pages} pages (offset {Offset}, next offset {NextOffset}); the read is incomplete")]
    public static partial void PagingStopped(ILogger logger, string userId, string dataKind, int pages, long offset, long nextOffset);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Withings authorised for {UserId} (Withings user {WithingsUserId})")]
    public static partial void Authorized(ILogger logger, string userId, string withingsUserId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Subscribed {UserId} to Withings notifications appli {Appli}")]
    public static partial void Subscribed(ILogger logger, string userId, int appli);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not subscribe {UserId} to Withings notifications appli {Appli}: {Detail}; polling continues")]
    public static partial void SubscribeFailed(ILogger logger, string userId, int appli, string detail);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Withings notification appli {Appli} for {UserId} queued a targeted sync")]
    public static partial void NotificationQueued(ILogger logger, string userId, int appli);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Withings notification appli {Appli} on the callback of {UserId} names another Withings user; ignored")]
    public static partial void NotificationForAnotherUser(ILogger logger, string userId, int appli);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Withings notified that {UserId} chose '{Action}'; an authenticated read will show whether the grant still works")]
    public static partial void UnlinkNotified(ILogger logger, string userId, string action);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Withings notification appli {Appli} for {UserId} refused: the sync queue is full")]
    public static partial void QueueFull(ILogger logger, string userId, int appli);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Withings notification appli {Appli} for {UserId} names changes older than the look-back window; run 'backfill' to read them")]
    public static partial void NotificationTooOld(ILogger logger, string userId, int appli);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "A targeted Withings {DataKind} sync of {UserId} up to {Until} is older than the look-back window; run 'backfill' to read it")]
    public static partial void TargetedTooOld(ILogger logger, string userId, string dataKind, DateTimeOffset until);

    [LoggerMessage(EventId = 17, Level = LogLevel.Information, Message = "Withings reports time zone {TimeZone} for {UserId}; their days and weeks follow it")]
    public static partial void TimeZoneReported(ILogger logger, string userId, string timeZone);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning, Message = "Withings reports time zone '{TimeZone}' for {UserId}, which this machine does not know; their zone is unchanged")]
    public static partial void UnknownTimeZone(ILogger logger, string userId, string timeZone);

    [LoggerMessage(EventId = 19, Level = LogLevel.Warning, Message = "Could not check the Withings notification subscriptions of {UserId}: {Detail}; polling continues")]
    public static partial void SubscriptionCheckFailed(ILogger logger, string userId, string detail);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Withings subscription appli {Appli} of {UserId} on an outdated callback URL: {Outcome}")]
    public static partial void StaleSubscriptionRevoked(ILogger logger, string userId, int appli, string outcome);
}
