using LiverMuscle.Sync.Dashboards.Provisioning;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Dashboards;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Grafana {Kind} {Uid}: {Outcome}")]
    public static partial void Provisioned(ILogger logger, string kind, string uid, ProvisionOutcome outcome);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Grafana provisioning at start: {Changed} objects created or updated, {Unchanged} unchanged, {Failed} failed")]
    public static partial void ProvisionedAtStart(ILogger logger, int changed, int unchanged, int failed);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Grafana provisioning at start failed: {Reason}")]
    public static partial void ProvisioningFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Grafana refused {Kind} {Uid}: {Detail}")]
    public static partial void ItemFailed(ILogger logger, string kind, string uid, string detail);
}
