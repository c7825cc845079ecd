using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// Provisions Grafana once when the worker starts, when <c>Grafana:Url</c> is set and <c>Grafana:ProvisionAtStart</c>
/// is true. Runs in the background; a failure is logged and does not stop the sync.
/// </summary>
internal sealed class GrafanaProvisioningService(GrafanaProvisioner provisioner, IOptions<GrafanaOptions> options, ILogger<GrafanaProvisioningService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Url is null || !options.Value.ProvisionAtStart)
        {
            return;
        }

        try
        {
            var report = await provisioner.ProvisionAsync(stoppingToken);
            foreach (var failed in report.Items.Where(i => i.Outcome == ProvisionOutcome.Failed))
            {
                Log.ItemFailed(logger, failed.Kind, failed.Uid, failed.Detail ?? string.Empty);
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                var changed = report.Items.Count(i => i.Outcome is ProvisionOutcome.Created or ProvisionOutcome.Updated);
                var unchanged = report.Items.Count(i => i.Outcome == ProvisionOutcome.Unchanged);
                var failed = report.Items.Count(i => i.Outcome == ProvisionOutcome.Failed);
                Log.ProvisionedAtStart(logger, changed, unchanged, failed);
            }
        }
        catch (GrafanaProvisioningException e)
        {
            Log.ProvisioningFailed(logger, e.Message);
        }
    }
}
