using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Web;
using LiverMuscle.Sync.Worker.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>
/// The worker's HTTP surface: liveness, readiness (InfluxDB and the state store; 200 when ready, 503 otherwise, within
/// about <see cref="ReadinessTimeout"/>), Prometheus metrics, provider push receivers and the web console.
/// </summary>
internal static class WorkerEndpoints
{
    public const string ReadinessTag = "ready";

    /// <summary>A check that has not answered by then counts as not ready.</summary>
    public static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(2);

    public static WebApplication MapWorkerEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapMetricsEndpoint();
        app.MapPushEndpoints();
        app.MapWebConsole();
        return app;
    }
}
