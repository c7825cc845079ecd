namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>Grafana panel plugin ids.</summary>
public static class PanelTypes
{
    public const string TimeSeries = "timeseries";
    public const string Stat = "stat";
    public const string Table = "table";
}
