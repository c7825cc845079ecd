using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.State.Sqlite;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "State store schema migrated to version {Version} ({Path})")]
    public static partial void MigrationApplied(ILogger logger, int version, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Generated a new state encryption key file {KeyFile} (mode 0600)")]
    public static partial void KeyFileGenerated(ILogger logger, string keyFile);
}
