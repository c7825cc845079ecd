using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Sinks.InfluxDb;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "InfluxDB refused {Point}: {Reason}")]
    public static partial void PointRejected(ILogger logger, string point, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "InfluxDB write failed with {Status}: {Error}")]
    public static partial void WriteFailed(ILogger logger, int status, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "InfluxDB unreachable ({Error}); kept {Count} points in the write spool")]
    public static partial void Spooled(ILogger logger, int count, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Replayed spooled batch {Id} ({Kind}) into InfluxDB")]
    public static partial void Replayed(ILogger logger, long id, string kind);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Wrote {Count} points to InfluxDB in {ElapsedMs} ms")]
    public static partial void BatchWritten(ILogger logger, int count, long elapsedMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "InfluxDB database {Database} is ready")]
    public static partial void DatabaseEnsured(ILogger logger, string database);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "InfluxDB is reachable again; replaying {Count} spooled batches")]
    public static partial void ReplayStarting(ILogger logger, int count);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "InfluxDB refused {Count} points, the first {Point}: {Reason}")]
    public static partial void PointsRejected(ILogger logger, int count, string point, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Replaying the write spool failed; it is tried again at the next interval")]
    public static partial void ReplayFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "An InfluxDB write failed and was not kept; its callers were told")]
    public static partial void WriterCrashed(ILogger logger, Exception exception);
}
