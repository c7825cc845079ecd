using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>Ready when InfluxDB answers <c>/ping</c>; writes are spooled meanwhile, so this is degraded, not failed.</summary>
internal sealed class InfluxDbReadinessCheck(IInfluxQueryClient influx) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await influx.PingAsync(cancellationToken) is { } version
            ? HealthCheckResult.Healthy($"InfluxDB {version}")
            : HealthCheckResult.Degraded("InfluxDB does not answer /ping; writes are kept in the spool.");
}
