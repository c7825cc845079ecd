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
}
