namespace LiverMuscle.Sync.Dashboards.Model;

internal static class ResultFormats
{
    public const string TimeSeries = "time_series";
    public const string Table = "table";
}
