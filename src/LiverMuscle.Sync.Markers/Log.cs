using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Markers;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "No FIB-4 for {UserId}: no birth date known (set one with 'people set', or configure Markers:Users)")]
    public static partial void Fib4SkippedNoAge(ILogger logger, string userId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Marker input of {UserId} not stored, {Location}: {Reason}")]
    public static partial void InputRejected(ILogger logger, string userId, string location, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Stored {Stored} marker values of {UserId}; {Errors} not stored")]
    public static partial void Stored(ILogger logger, string userId, int stored, int errors);
}
