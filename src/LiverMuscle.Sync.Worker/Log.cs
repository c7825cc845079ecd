using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Worker;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Listening on {Addresses} (health, readiness and push endpoints)")]
    public static partial void Listening(ILogger logger, string addresses);
}
