using LiverMuscle.Sync.Providers.Push;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>The worker's HTTP surface: liveness, readiness (InfluxDB and the state store) and provider push receivers.</summary>
internal static class WorkerEndpoints
{
    public static WebApplication MapWorkerEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessTag),
        });
        app.MapPushEndpoints();
        return app;
    }

    public const string ReadinessTag = "ready";
}
