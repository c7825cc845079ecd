using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

internal static partial class Log
{
    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Authorised Fitbit through Google Health for {UserId} (Health user {HealthUserId})")]
    public static partial void Authorized(ILogger logger, string userId, string healthUserId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Fitbit {DataKind} of {UserId}: {Remedy}")]
    public static partial void NotGranted(ILogger logger, string userId, string dataKind, string remedy);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Backfilling Fitbit {DataKind} of {UserId}: window {Done} of at most {Total}, from {From}")]
    public static partial void Backfilling(ILogger logger, string userId, string dataKind, int done, int total, DateOnly from);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Fitbit answered from {Url} as the switched-off Fitbit Web API does: " + LegacyFitbitApi.SwitchedOff)]
    public static partial void LegacyConfiguration(ILogger logger, Uri url);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Google Health notification for {UserId} ({DataType}); re-reading the named days")]
    public static partial void NotificationQueued(ILogger logger, string userId, string dataType);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Google Health notification ({DataType}) for a Health user no connection belongs to; ignored")]
    public static partial void NotificationForUnknownUser(ILogger logger, string dataType);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "A Google Health notification without healthUserId and dataType was ignored")]
    public static partial void NotificationNotUnderstood(ILogger logger);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Google Health refused Fitbit {DataType} of {UserId} for a missing scope ({Detail}); that data type is skipped")]
    public static partial void ScopeRefused(ILogger logger, string userId, string dataType, string detail);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "The time zone of {UserId} in Google Health settings is {TimeZone}: {Outcome}")]
    public static partial void TimeZoneReported(ILogger logger, string userId, string timeZone, ProviderTimeZoneOutcome outcome);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "The Google Health settings of {UserId} could not be read ({Detail}); their time zone stays as it is")]
    public static partial void TimeZoneUnread(ILogger logger, string userId, string detail);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "A Google Health notification for data type {DataType}, which is not synced, was ignored")]
    public static partial void NotificationForUnsyncedType(ILogger logger, string dataType);
}
