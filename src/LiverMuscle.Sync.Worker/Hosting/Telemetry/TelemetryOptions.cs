using LiverMuscle.Sync.Infrastructure.Configuration;
using OpenTelemetry.Exporter;

namespace LiverMuscle.Sync.Worker.Hosting.Telemetry;

/// <summary>Section <c>OpenTelemetry</c>: where traces and metrics are exported, and how fresh the stored figures are.</summary>
internal sealed class TelemetryOptions
{
    /// <summary>The OTLP collector; traces and metrics are exported there only when it is set. Default none.</summary>
    [HttpUrl]
    public Uri? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (4318; <c>/v1/traces</c> and <c>/v1/metrics</c> are appended). Default Grpc.</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>How often the gauges read from the state store (spool, tokens, budgets) are refreshed, 100 ms to 1 h. Default 15 s.</summary>
    [DurationRange("00:00:00.100", "01:00:00")]
    public TimeSpan GaugeRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}
