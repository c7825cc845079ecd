using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LiverMuscle.Sync.Infrastructure.Telemetry;

/// <summary>
/// The worker's instruments on the <c>LiverMuscle.Sync</c> meter, named by the OpenTelemetry conventions (units in
/// <c>Unit</c>, never in the name). Counters are recorded where things happen; gauges are observed at collection
/// time from memory only: freshness from the points synced, the rest from the latest <see cref="TelemetrySnapshot"/>.
/// </summary>
public sealed class SyncMetrics
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Provider, string DataKind), long> _newestPoint = new();
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runDuration;
    private readonly Counter<long> _written;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _notifications;
    private TelemetrySnapshot _snapshot = TelemetrySnapshot.Empty;

    public SyncMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        Meter = meters.Create(SyncTelemetry.Name);
        _runs = Meter.CreateCounter<long>("sync.runs", "{run}", "Sync runs by provider and outcome.");
        _runDuration = Meter.CreateHistogram<double>("sync.run.duration", "s", "Wall time of sync runs.");
        _written = Meter.CreateCounter<long>("records.written", "{record}", "Records written to InfluxDB or kept in the spool for it.");
        _rejected = Meter.CreateCounter<long>("records.rejected", "{record}", "Records skipped as unreadable or refused by InfluxDB.");
        _requests = Meter.CreateCounter<long>("provider.requests", "{request}", "Provider HTTP attempts by how the provider answered.");
        _transitions = Meter.CreateCounter<long>("alert.transitions", "{transition}", "Alert state changes by rule and new state.");
        _notifications = Meter.CreateCounter<long>("alert.notifications", "{notification}", "Notifications by notifier, sent or failed.");
        Meter.CreateObservableGauge("data.freshness", ObserveFreshness, "s", "Seconds since the newest point synced, per provider and data kind.");
        Meter.CreateObservableGauge("provider.budget.remaining", () => PerProvider(p => p.BudgetRemaining), "{request}", "Requests left in the provider's tightest budget window.");
        Meter.CreateObservableGauge("token.time_to_expiry", () => PerProvider(p => p.EarliestTokenExpiry is { } at ? (at - _time.GetUtcNow()).TotalSeconds : null), "s", "Seconds until the earliest access-token expiry among connected people.");
        Meter.CreateObservableGauge("connections.reauthorization_required", () => PerProvider(p => p.NeedingReauthorization), "{connection}", "Connections that need the person to authorise again.");
        Meter.CreateObservableGauge("spool.batches", () => (long)_snapshot.SpooledBatches, "{batch}", "Batches waiting in the write spool for InfluxDB.");
        Meter.CreateObservableGauge("spool.size", () => _snapshot.SpooledBytes, "By", "Bytes waiting in the write spool.");
        Meter.CreateObservableGauge("spool.oldest.age", () => Age(_snapshot.OldestSpooledAt) ?? 0, "s", "Seconds the oldest spooled batch has waited (0 when the spool is empty).");
        Meter.CreateObservableGauge("influxdb.last_write.age", ObserveLastWrite, "s", "Seconds since InfluxDB last accepted a write of this process.");
    }

    public Meter Meter { get; }

    public TelemetrySnapshot Snapshot => Volatile.Read(ref _snapshot);

    public void Update(TelemetrySnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

    public void RecordRun(string provider, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { SyncTelemetry.ProviderKey, provider }, { SyncTelemetry.OutcomeKey, outcome } };
        _runs.Add(1, tags);
        _runDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>A batch of a run was written: counted as it lands, so the figures follow InfluxDB while a run goes on.</summary>
    public void RecordRecords(string provider, int written, int rejected)
    {
        _written.Add(written, new KeyValuePair<string, object?>(SyncTelemetry.ProviderKey, provider));
        _rejected.Add(rejected, new KeyValuePair<string, object?>(SyncTelemetry.ProviderKey, provider));
    }

    /// <summary>A batch of a data kind was synced with points at these times (none: nothing changes).</summary>
    public void RecordNewestPoint(string provider, string dataKind, IEnumerable<DateTimeOffset> times)
    {
        var newest = times.Select(t => t.UtcTicks).DefaultIfEmpty(long.MinValue).Max();
        if (newest != long.MinValue)
        {
            _newestPoint.AddOrUpdate((provider, dataKind), newest, (_, known) => Math.Max(known, newest));
        }
    }

    public void RecordRequest(string provider, string answer) =>
        _requests.Add(1, new TagList { { SyncTelemetry.ProviderKey, provider }, { SyncTelemetry.AnswerKey, answer } });

    public void RecordAlertTransition(string rule, string state) =>
        _transitions.Add(1, new TagList { { SyncTelemetry.RuleKey, rule }, { SyncTelemetry.StateKey, state } });

    public void RecordNotification(string notifier, bool sent) =>
        _notifications.Add(1, new TagList { { SyncTelemetry.NotifierKey, notifier }, { SyncTelemetry.OutcomeKey, sent ? "sent" : "failed" } });

    private IEnumerable<Measurement<double>> ObserveFreshness()
    {
        var now = _time.GetUtcNow().UtcTicks;
        return _newestPoint.Select(entry => new Measurement<double>(
            TimeSpan.FromTicks(now - entry.Value).TotalSeconds,
            new KeyValuePair<string, object?>(SyncTelemetry.ProviderKey, entry.Key.Provider),
            new KeyValuePair<string, object?>(SyncTelemetry.DataKindKey, entry.Key.DataKind)));
    }

    private IEnumerable<Measurement<double>> ObserveLastWrite() =>
        Age(_snapshot.LastSuccessfulWriteAt) is { } age ? [new Measurement<double>(age)] : [];

    private IEnumerable<Measurement<double>> PerProvider(Func<ProviderReading, double?> value) =>
        from reading in Volatile.Read(ref _snapshot).Providers
        let measured = value(reading)
        where measured is not null
        select new Measurement<double>(measured.Value, new KeyValuePair<string, object?>(SyncTelemetry.ProviderKey, reading.Provider));

    private double? Age(DateTimeOffset? since) => since is { } at ? Math.Max(0, (_time.GetUtcNow() - at).TotalSeconds) : null;
}
