using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Manual;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Manual {DataKind} entry of {UserId} refused: {Location}: {Reason}")]
    public static partial void EntryRefused(ILogger logger, string userId, string dataKind, string location, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Manual {DataKind} entries of {UserId}: {Stored} stored, {Refused} refused")]
    public static partial void EntriesStored(ILogger logger, string userId, string dataKind, int stored, int refused);
}
