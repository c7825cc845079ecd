namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record DataSourceRef(string Type, string Uid)
{
    public const string InfluxDbType = "influxdb";

    public const string PrometheusType = "prometheus";

    /// <summary>Grafana's built-in annotation source.</summary>
    public static DataSourceRef Grafana { get; } = new("grafana", "-- Grafana --");
}
