using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Adherence;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Recomputed {Weeks} adherence weeks of {UserId} from {FirstWeek}")]
    public static partial void Recomputed(ILogger logger, string userId, int weeks, string firstWeek);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The scheduled adherence recomputation failed; it runs again at the next interval")]
    public static partial void ScheduledRecomputeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "No adherence to recompute yet: {Reason}")]
    public static partial void NoDataYet(ILogger logger, string reason);
}
