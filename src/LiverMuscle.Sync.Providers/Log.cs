using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Refreshed the {Provider} access token of {UserId}; it expires at {ExpiresAt}")]
    public static partial void Refreshed(ILogger logger, string userId, string provider, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Provider} needs re-authorisation for {UserId}: {Reason}")]
    public static partial void NeedsReauthorization(ILogger logger, string userId, string provider, string reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Started the {Provider} authorisation of {UserId}; its consent URL works until {ExpiresAt}")]
    public static partial void AuthorizationStarted(ILogger logger, string userId, string provider, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "The {Provider} authorisation of {UserId} was refused: {Reason}")]
    public static partial void AuthorizationRefused(ILogger logger, string userId, string provider, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Completing the {Provider} authorisation of {UserId} failed")]
    public static partial void AuthorizationFailed(ILogger logger, string userId, string provider, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Provider} refused the access token of {UserId} ({Detail}); refreshing once")]
    public static partial void TokenRejected(ILogger logger, string provider, string userId, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Provider} answered with its rate limit; holding every {Provider} request until {RetryAt}")]
    public static partial void RateLimited(ILogger logger, string provider, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Provider} answered {Detail}; retrying in {Delay}")]
    public static partial void TransientAnswer(ILogger logger, string provider, string detail, TimeSpan delay);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{Count} {Provider} {DataKind} records of {UserId} vanished at the source")]
    public static partial void Vanished(ILogger logger, string provider, string dataKind, string userId, int count);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The {Provider} {DataKind} read of {UserId} did not reach the end of its window; nothing is deleted on its strength")]
    public static partial void IncompleteRead(ILogger logger, string provider, string dataKind, string userId);
}
