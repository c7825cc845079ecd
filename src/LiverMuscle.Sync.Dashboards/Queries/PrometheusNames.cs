using LiverMuscle.Sync.Infrastructure.Telemetry;

namespace LiverMuscle.Sync.Dashboards.Queries;

/// <summary>
/// The worker's instruments and attributes as its <c>/metrics</c> endpoint names them (prometheus-net's meter
/// adapter): the meter name and the instrument name joined, dots as underscores, no unit suffix and no <c>_total</c>;
/// a histogram adds <c>_bucket</c>, <c>_sum</c> and <c>_count</c>.
/// </summary>
internal static class PrometheusNames
{
    public const string DataFreshness = "livermuscle_sync_data_freshness";
    public const string SyncRuns = "livermuscle_sync_sync_runs";
    public const string SyncRunDurationBucket = "livermuscle_sync_sync_run_duration_bucket";
    public const string RecordsWritten = "livermuscle_sync_records_written";
    public const string RecordsRejected = "livermuscle_sync_records_rejected";
    public const string ProviderRequests = "livermuscle_sync_provider_requests";
    public const string BudgetRemaining = "livermuscle_sync_provider_budget_remaining";
    public const string TokenTimeToExpiry = "livermuscle_sync_token_time_to_expiry";
    public const string ReauthorizationRequired = "livermuscle_sync_connections_reauthorization_required";
    public const string SpoolBatches = "livermuscle_sync_spool_batches";
    public const string SpoolSize = "livermuscle_sync_spool_size";
    public const string SpoolOldestAge = "livermuscle_sync_spool_oldest_age";
    public const string LastWriteAge = "livermuscle_sync_influxdb_last_write_age";
    public const string AlertTransitions = "livermuscle_sync_alert_transitions";
    public const string AlertNotifications = "livermuscle_sync_alert_notifications";

    public static readonly string Provider = Label(SyncTelemetry.ProviderKey);
    public static readonly string DataKind = Label(SyncTelemetry.DataKindKey);
    public static readonly string Outcome = Label(SyncTelemetry.OutcomeKey);
    public static readonly string Answer = Label(SyncTelemetry.AnswerKey);
    public static readonly string Rule = Label(SyncTelemetry.RuleKey);
    public static readonly string State = Label(SyncTelemetry.StateKey);
    public static readonly string Notifier = Label(SyncTelemetry.NotifierKey);

    /// <summary>A series name template showing these labels, e.g. <c>{{livermuscle_provider}}</c>.</summary>
    public static string Legend(params string[] labels) => string.Join(" ", labels.Select(l => "{{" + l + "}}"));

    /// <summary>The increase of a counter per <c>$__rate_interval</c>, summed by these labels.</summary>
    public static string Increase(string counter, params string[] by) => $"sum by ({string.Join(", ", by)}) (increase({counter}[$__rate_interval]))";

    private static string Label(string attribute) => attribute.Replace('.', '_');
}
