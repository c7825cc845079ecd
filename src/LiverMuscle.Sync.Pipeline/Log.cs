using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Skipped {Provider} record {RecordId} of {UserId}: {Reason}")]
    public static partial void RecordSkipped(ILogger logger, string userId, string provider, string recordId, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The {DataKind} sync of {Provider} for {UserId} failed")]
    public static partial void SourceFailed(ILogger logger, string userId, string provider, string dataKind, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Synced {Provider} for {UserId}: {Outcome}, {Records} records, {Requests} requests in {ElapsedMs} ms")]
    public static partial void RunFinished(ILogger logger, string userId, string provider, SyncOutcome outcome, int records, int requests, long elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "A sync-completed handler {Handler} failed for {UserId}; it runs again for the same span later")]
    public static partial void HandlerFailed(ILogger logger, string handler, string userId, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "The sync of {Provider} for {UserId} failed")]
    public static partial void RunFailed(ILogger logger, string userId, string provider, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "The {Provider} sync of {UserId} left points in the write spool; what is derived from them is computed once they are in InfluxDB")]
    public static partial void CompletionDeferred(ILogger logger, string userId, string provider);
}
