using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Push;

/// <summary>The webhook's own logs (event ids from 900 on).</summary>
internal static partial class PushLog
{
    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "Google Health notification ({DataType}) for {UserId} refused: the sync queue is full")]
    public static partial void QueueFull(ILogger logger, string userId, string dataType);

    [LoggerMessage(EventId = 902, Level = LogLevel.Information, Message = "Google Health notification ({DataType}) for {UserId} names only days older than the re-read window; run 'backfill' to read them")]
    public static partial void TooOld(ILogger logger, string userId, string dataType);
}
