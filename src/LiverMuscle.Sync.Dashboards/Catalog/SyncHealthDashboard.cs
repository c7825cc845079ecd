using LiverMuscle.Sync.Dashboards.Building;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Normalization.Schema;
using static LiverMuscle.Sync.Dashboards.Queries.Iql;
using Health = LiverMuscle.Sync.Normalization.Schema.FieldNames.SyncHealth;
using Run = LiverMuscle.Sync.Normalization.Schema.FieldNames.SyncRun;

namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>Is the sync working: runs and their outcome, volume, rate-limit headroom, tokens, spool, rejections.</summary>
public sealed class SyncHealthDashboard : IDashboardDefinition
{
    public const string DashboardUid = "livermuscle-sync-health";

    public string Uid => DashboardUid;

    private static readonly string Runs = Id(Measurements.SyncRun);
    private static readonly string Healths = Id(Measurements.SyncHealth);
    private static readonly string Where = $"WHERE {UserFilter} AND {TimeFilter}";
    private static readonly string PerProvider = $"GROUP BY time({Interval}), {Id(TagNames.Provider)} fill(0)";
    private static readonly string PerConnection = $"GROUP BY {Id(TagNames.Provider)}, {Id(TagNames.User)}";

    public Dashboard Build() =>
        new DashboardBuilder(Uid, "Sync health", DashboardDefaults.Datasource)
            .Description("Sync runs, request volume and budget, tokens, the write spool and rejected records.")
            .Tags(DashboardDefaults.Tag, "operations")
            .Time("now-7d")
            .Refresh("5m")
            .TagVariable("user", "User", TagNames.User, multi: true)
            .Add(
                RunsByOutcome(),
                RecordsPerProvider(),
                RequestsPerProvider(),
                RateLimitHeadroom(),
                TokenExpiry(),
                NeedsReauthorization(),
                SpoolBacklog(),
                RejectedRecords(),
                RecentFailures())
            .Build();

    internal static PanelBuilder RunsByOutcome() =>
        PanelBuilder.TimeSeries("Sync runs by outcome")
            .Query($"SELECT count({Id(Run.DurationMs)}) AS \"runs\" FROM {Runs} {Where} GROUP BY time({Interval}), {Id(TagNames.Outcome)} fill(0)", "$tag_outcome")
            .MinInterval("1h").Bars().Unit("short", 0);

    internal static PanelBuilder RecordsPerProvider() =>
        PanelBuilder.TimeSeries("Records synced per provider")
            .Query($"SELECT {Aggregate("sum", Run.Records, "records")} FROM {Runs} {Where} {PerProvider}", "$tag_provider")
            .MinInterval("1h").Bars().Unit("short", 0);

    internal static PanelBuilder RequestsPerProvider() =>
        PanelBuilder.TimeSeries("Provider requests")
            .Query($"SELECT {Aggregate("sum", Run.Requests, "requests")} FROM {Runs} {Where} {PerProvider}", "$tag_provider")
            .MinInterval("1h").Bars().Unit("short", 0);

    internal static PanelBuilder RateLimitHeadroom() =>
        PanelBuilder.TimeSeries("Rate-limit headroom")
            .Description("Requests left in the provider's window, as a share of its limit.")
            .Query($"SELECT last({Id(Health.BudgetRemaining)}) / last({Id(Health.BudgetLimit)}) * 100 AS \"headroom\" FROM {Healths} {Where} GROUP BY time({Interval}), {Id(TagNames.Provider)}, {Id(TagNames.User)} fill(none)", "$tag_provider $tag_user")
            .MinInterval("1h").Unit("percent", 0).Range(0, 100)
            .Thresholds("red", (10, "orange"), (25, "green")).DrawThresholds("line+area");

    internal static PanelBuilder TokenExpiry() =>
        PanelBuilder.Stat("Access token expires in")
            .Description("Time left on each connection's access token at the last sync; negative means expired.")
            .Query($"SELECT {Aggregate("last", Health.TokenExpiresInS, "expires in")} FROM {Healths} {Where} {PerConnection}", "$tag_provider $tag_user")
            .Unit("s").NoSparkline().ColorByThresholds()
            .Thresholds("red", (0, "orange"), (600, "green"));

    internal static PanelBuilder NeedsReauthorization() =>
        PanelBuilder.Stat("Needs re-authorisation")
            .Description("A connection whose refresh token was refused: run 'auth <provider> --user <id>' again.")
            .Query($"SELECT {Aggregate("last", Health.NeedsReauthorization, "needs re-authorisation")} FROM {Healths} {Where} {PerConnection}", "$tag_provider $tag_user")
            .NoSparkline()
            .Mappings(new ValueMap(new Dictionary<string, ValueMappingResult>(StringComparer.Ordinal)
            {
                ["true"] = new("re-authorise", "red", 0),
                ["false"] = new("connected", "green", 1),
            }));

    internal static PanelBuilder SpoolBacklog() =>
        PanelBuilder.TimeSeries("Write spool backlog")
            .Description("Batches waiting in the durable spool for InfluxDB (0 when the write path is healthy).")
            .Query($"SELECT {Aggregate("max", Health.SpoolDepth, "spooled batches")} FROM {Healths} WHERE {TimeFilter} GROUP BY time({Interval}) fill(none)", "spooled batches")
            .MinInterval("1h").Unit("short", 0).Range(0, null)
            .Thresholds("green", (1, "red"));

    internal static PanelBuilder RejectedRecords() =>
        PanelBuilder.TimeSeries("Rejected records")
            .Description("Records skipped as malformed or refused by InfluxDB, per provider.")
            .Query($"SELECT {Aggregate("sum", Run.Rejected, "rejected")} FROM {Runs} {Where} {PerProvider}", "$tag_provider")
            .MinInterval("1h").Bars().Unit("short", 0);

    internal static PanelBuilder RecentFailures() =>
        PanelBuilder.Table("Recent failed or partial runs")
            .Size(24, 8)
            .TableQuery($"SELECT {Id(TagNames.User)}, {Id(TagNames.Provider)}, {Id(TagNames.Outcome)}, {Id(Run.Error)} FROM {Runs} WHERE {UserFilter} AND {Id(TagNames.Outcome)} != 'ok' AND {TimeFilter} ORDER BY time DESC LIMIT 50")
            .SortBy("Time", descending: true);
}
