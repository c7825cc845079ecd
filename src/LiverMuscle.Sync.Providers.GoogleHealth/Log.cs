using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Google Health rejected the access token of {UserId}; refreshing once")]
    public static partial void TokenRejected(ILogger logger, string userId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Google Health {Call} for {UserId} answered {Detail}; retrying with backoff")]
    public static partial void TransientAnswer(ILogger logger, string call, string userId, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Skipped Fitbit {DataKind} data point {RecordId} of {UserId}: {Reason}")]
    public static partial void RecordSkipped(ILogger logger, string userId, string dataKind, string recordId, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Count} Fitbit {DataKind} records of {UserId} vanished at the source")]
    public static partial void Vanished(ILogger logger, string userId, string dataKind, int count);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Authorised Fitbit through Google Health for {UserId} (Health user {HealthUserId})")]
    public static partial void Authorized(ILogger logger, string userId, string healthUserId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "The Google grant of {UserId} lacks {Scopes}; those data types will be refused")]
    public static partial void MissingScopes(ILogger logger, string userId, string scopes);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Backfilling Fitbit {DataKind} of {UserId}: window {Done} of at most {Total}, from {From}")]
    public static partial void Backfilling(ILogger logger, string userId, string dataKind, int done, int total, DateOnly from);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Fitbit answered from {Url} as the switched-off Fitbit Web API does: " + LegacyFitbitApi.SwitchedOff)]
    public static partial void LegacyConfiguration(ILogger logger, Uri url);
}
