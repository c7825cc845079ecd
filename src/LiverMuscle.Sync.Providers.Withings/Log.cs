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

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Withings notification appli {Appli} for a Withings user no local user is linked to")]
    public static partial void NotificationForUnknownUser(ILogger logger, int appli);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "{UserId} unlinked the application at Withings; marked disconnected")]
    public static partial void Unlinked(ILogger logger, string userId);
}
