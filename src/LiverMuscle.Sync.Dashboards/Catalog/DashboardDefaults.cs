using LiverMuscle.Sync.Dashboards.Model;

namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>Identifiers the generated dashboards, the provisioning files and the API provisioning share.</summary>
internal static class DashboardDefaults
{
    /// <summary>The uid of the InfluxDB datasource every panel queries.</summary>
    public const string DatasourceUid = "livermuscle-influx";

    /// <summary>
    /// The uid of the Prometheus datasource (scraping the worker's <c>/metrics</c>) the exported "Worker" dashboard
    /// queries; API provisioning uses <c>Grafana:PrometheusDatasource</c> instead.
    /// </summary>
    public const string PrometheusDatasourceUid = "livermuscle-prometheus";

    /// <summary>The uid of the Grafana folder the dashboards live in.</summary>
    public const string FolderUid = "livermuscle";

    public const string FolderTitle = "LiverMuscle";

    public const string Tag = "livermuscle";

    public static DataSourceRef Datasource { get; } = new(DataSourceRef.InfluxDbType, DatasourceUid);
}
