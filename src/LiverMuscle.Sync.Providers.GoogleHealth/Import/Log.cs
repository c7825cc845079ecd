using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

/// <summary>The logs of a Fitbit export import.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Fitbit export of {UserId}: the weights of weight-*.json are read in {Unit} because {Reason}")]
    public static partial void ExportWeightUnit(ILogger logger, string userId, string unit, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Fitbit export of {UserId}: {Note}")]
    public static partial void ExportNote(ILogger logger, string userId, string note);
}
