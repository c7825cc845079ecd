using LiverMuscle.Sync.Infrastructure.Telemetry;
using Prometheus;

namespace LiverMuscle.Sync.Worker.Hosting.Telemetry;

/// <summary>
/// The <c>LiverMuscle.Sync</c> meter of this host published in a registry of its own (prometheus-net's .NET Meter
/// adapter), which <c>/metrics</c> serves. Observable gauges are read at scrape time, from memory only.
/// </summary>
internal sealed class PrometheusExport : IDisposable
{
    /// <summary>A series that did not move for this long is dropped (the adapter allows at most a day).</summary>
    private static readonly TimeSpan KeepIdleSeries = TimeSpan.FromDays(1);

    private static readonly double[] DurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    private readonly IDisposable _adapter;

    public PrometheusExport(SyncMetrics metrics)
    {
        Registry = Metrics.NewCustomRegistry();
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            MetricFactory = Metrics.WithCustomRegistry(Registry),
            InstrumentFilterPredicate = instrument => ReferenceEquals(instrument.Meter, metrics.Meter),
            MetricsExpireAfter = KeepIdleSeries,
            ResolveHistogramBuckets = _ => DurationBuckets,
        });
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _adapter.Dispose();
}
