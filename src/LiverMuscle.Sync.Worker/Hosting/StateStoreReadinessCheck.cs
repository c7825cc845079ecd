using LiverMuscle.Sync.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>Ready when the state store answers; reports the spool depth.</summary>
internal sealed class StateStoreReadinessCheck(IWriteSpool spool) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var waiting = await spool.CountAsync(cancellationToken);
        return HealthCheckResult.Healthy($"{waiting} batches spooled");
    }
}
