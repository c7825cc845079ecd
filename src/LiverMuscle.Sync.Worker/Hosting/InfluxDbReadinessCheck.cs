using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>Ready when InfluxDB answers <c>/ping</c> (within <see cref="WorkerEndpoints.ReadinessTimeout"/>); writes are spooled meanwhile.</summary>
internal sealed class InfluxDbReadinessCheck(IInfluxQueryClient influx) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await influx.PingAsync(cancellationToken) is { } version
            ? HealthCheckResult.Healthy($"InfluxDB {version}")
            : HealthCheckResult.Unhealthy("InfluxDB does not answer /ping; writes are kept in the spool.");
}
