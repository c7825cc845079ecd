using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;

namespace LiverMuscle.Sync.Worker.Hosting.Telemetry;

internal static class WorkerTelemetry
{
    public const string MetricsPath = "/metrics";

    private const string TracesExporter = "livermuscle-traces";
    private const string MetricsExporter = "livermuscle-metrics";

    /// <summary>
    /// The instruments, their Prometheus registry, the gauge refresher, and (with <c>OpenTelemetry:Endpoint</c>) the
    /// OpenTelemetry SDK exporting the <c>LiverMuscle.Sync</c> spans and metrics over OTLP.
    /// </summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindStrictly(configuration).ValidateSection(configuration, new TelemetryOptionsAttributes()).ValidateOnStart();
        services.AddSyncTelemetry();
        services.AddSingleton<PrometheusExport>();
        services.AddHostedService<TelemetrySnapshotService>();
        if (string.IsNullOrWhiteSpace(configuration["Endpoint"]))
        {
            return services;
        }

        services.AddOptions<OtlpExporterOptions>(TracesExporter).Configure<IOptions<TelemetryOptions>>((otlp, options) => Point(otlp, options.Value, "v1/traces"));
        services.AddOptions<OtlpExporterOptions>(MetricsExporter).Configure<IOptions<TelemetryOptions>>((otlp, options) => Point(otlp, options.Value, "v1/metrics"));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("livermuscle-sync"))
            .WithTracing(tracing => tracing.AddSource(SyncTelemetry.Name).AddOtlpExporter(TracesExporter, configure: null))
            .WithMetrics(metrics => metrics.AddMeter(SyncTelemetry.Name).AddOtlpExporter(MetricsExporter, (Action<OtlpExporterOptions>?)null));
        return services;
    }

    /// <summary>Serves the Prometheus text format at <c>/metrics</c> on the worker's listener (read-only, no person ids).</summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.MapMetrics(MetricsPath, app.Services.GetRequiredService<PrometheusExport>().Registry);
        return app;
    }

    private static void Point(OtlpExporterOptions otlp, TelemetryOptions options, string signalPath)
    {
        otlp.Protocol = options.Protocol;
        otlp.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(new Uri(options.Endpoint!.AbsoluteUri.TrimEnd('/') + "/"), signalPath)
            : options.Endpoint!;
    }
}
