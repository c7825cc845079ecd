using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Worker;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Listening on {Addresses} (health, readiness and push endpoints)")]
    public static partial void Listening(ILogger logger, string addresses);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not refresh the stored figures of the metrics; they keep their last values")]
    public static partial void GaugeRefreshFailed(ILogger logger, Exception exception);
}
