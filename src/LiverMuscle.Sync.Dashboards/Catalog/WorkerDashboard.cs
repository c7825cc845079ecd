using LiverMuscle.Sync.Dashboards.Building;
using LiverMuscle.Sync.Dashboards.Model;
using static LiverMuscle.Sync.Dashboards.Queries.PrometheusNames;

namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>
/// How the worker itself is doing, from its <c>/metrics</c> scraped by Prometheus: freshness, runs, records,
/// requests and budgets, tokens and re-authorisation, the write spool and InfluxDB, alerts and notifications.
/// </summary>
internal sealed class WorkerDashboard(string prometheusDatasourceUid = DashboardDefaults.PrometheusDatasourceUid) : IDashboardDefinition
{
    public const string DashboardUid = "livermuscle-worker";

    public string Uid => DashboardUid;

    public Dashboard Build() =>
        new DashboardBuilder(Uid, "Worker", new DataSourceRef(DataSourceRef.PrometheusType, prometheusDatasourceUid))
            .Description("The worker's own metrics (Prometheus scrape of /metrics): is data fresh, are syncs and writes getting through.")
            .Tags(DashboardDefaults.Tag, "operations")
            .Time("now-24h")
            .Refresh("1m")
            .Add(
                Freshness(),
                RunsByOutcome(),
                RunDuration(),
                Records(),
                Requests(),
                BudgetRemainingPanel(),
                TokenExpiry(),
                NeedsReauthorization(),
                LastWrite(),
                Spool(),
                SpoolBytes(),
                SpoolOldest(),
                Alerts(),
                Notifications())
            .Build();

    internal static PanelBuilder Freshness() =>
        PanelBuilder.TimeSeries("Data freshness")
            .Description("Seconds since the newest point synced, per provider and data kind (from the syncs since the worker started).")
            .Query(DataFreshness, Legend(Provider, DataKind))
            .Unit("s").Range(0, null)
            .Thresholds("green", (2 * 86400, "orange"), (3 * 86400, "red")).DrawThresholds();

    internal static PanelBuilder RunsByOutcome() =>
        PanelBuilder.TimeSeries("Sync runs by outcome")
            .Query(Increase(SyncRuns, Provider, Outcome), Legend(Provider, Outcome))
            .Bars().Unit("short", 0);

    internal static PanelBuilder RunDuration() =>
        PanelBuilder.TimeSeries("Sync run duration (95th percentile)")
            .Query($"histogram_quantile(0.95, sum by (le, {Provider}) (rate({SyncRunDurationBucket}[$__rate_interval])))", Legend(Provider))
            .Unit("s");

    internal static PanelBuilder Records() =>
        PanelBuilder.TimeSeries("Records written and rejected")
            .Description("Written: to InfluxDB or kept in the spool for it. Rejected: skipped as unreadable or refused by InfluxDB.")
            .Query(Increase(RecordsWritten, Provider), "written " + Legend(Provider))
            .Query(Increase(RecordsRejected, Provider), "rejected " + Legend(Provider))
            .Bars().Unit("short", 0);

    internal static PanelBuilder Requests() =>
        PanelBuilder.TimeSeries("Provider requests by answer")
            .Query($"sum by ({Provider}, {Answer}) (rate({ProviderRequests}[$__rate_interval])) * 60", Legend(Provider, Answer))
            .Unit("reqpm");

    internal static PanelBuilder BudgetRemainingPanel() =>
        PanelBuilder.TimeSeries("Request budget remaining")
            .Description("Requests left in the provider's tightest window (Withings: the application's; Google: the most used person's).")
            .Query(BudgetRemaining, Legend(Provider))
            .Unit("short", 0).Range(0, null)
            .Thresholds("red", (10, "orange"), (30, "green")).DrawThresholds("line+area");

    internal static PanelBuilder TokenExpiry() =>
        PanelBuilder.Stat("Earliest access-token expiry")
            .Description("Seconds until the earliest access token of a connected person expires; tokens are refreshed when next used, so negative is only a problem when it stays.")
            .Size(8, 6)
            .Query(TokenTimeToExpiry, Legend(Provider))
            .Unit("s").NoSparkline().ColorByThresholds()
            .Thresholds("red", (-1800, "orange"), (0, "green"));

    internal static PanelBuilder NeedsReauthorization() =>
        PanelBuilder.Stat("Connections needing re-authorisation")
            .Description("The person must run 'auth <provider> --user <id>' again.")
            .Size(8, 6)
            .Query(ReauthorizationRequired, Legend(Provider))
            .Unit("short", 0).NoSparkline().ColorByThresholds()
            .Thresholds("green", (1, "red"));

    internal static PanelBuilder LastWrite() =>
        PanelBuilder.Stat("Last InfluxDB write")
            .Description("Seconds since InfluxDB last accepted a write of this worker.")
            .Size(8, 6)
            .Query(LastWriteAge, "last write")
            .Unit("s").ColorByThresholds()
            .Thresholds("green", (3600, "orange"), (6 * 3600, "red"));

    internal static PanelBuilder Spool() =>
        PanelBuilder.TimeSeries("Write spool batches")
            .Description("Batches waiting in the durable spool for InfluxDB (0 when the write path is healthy).")
            .Size(8, 8)
            .Query(SpoolBatches, "batches")
            .Unit("short", 0).Range(0, null)
            .Thresholds("green", (1, "red"));

    internal static PanelBuilder SpoolBytes() =>
        PanelBuilder.TimeSeries("Write spool size")
            .Size(8, 8)
            .Query(SpoolSize, "spooled")
            .Unit("bytes").Range(0, null);

    internal static PanelBuilder SpoolOldest() =>
        PanelBuilder.TimeSeries("Oldest spooled batch")
            .Description("How long the oldest batch has waited for InfluxDB.")
            .Size(8, 8)
            .Query(SpoolOldestAge, "oldest batch")
            .Unit("s").Range(0, null)
            .Thresholds("green", (600, "orange"), (3600, "red")).DrawThresholds();

    internal static PanelBuilder Alerts() =>
        PanelBuilder.TimeSeries("Alert transitions")
            .Query(Increase(AlertTransitions, Rule, State), Legend(Rule, State))
            .Bars().Unit("short", 0);

    internal static PanelBuilder Notifications() =>
        PanelBuilder.TimeSeries("Notifications sent and failed")
            .Query(Increase(AlertNotifications, Notifier, Outcome), Legend(Notifier, Outcome))
            .Bars().Unit("short", 0);
}
