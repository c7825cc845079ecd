using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Refreshed the {Provider} access token of {UserId}; it expires at {ExpiresAt}")]
    public static partial void Refreshed(ILogger logger, string userId, string provider, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Provider} needs re-authorisation for {UserId}: {Reason}")]
    public static partial void NeedsReauthorization(ILogger logger, string userId, string provider, string reason);
}
