namespace LiverMuscle.Sync.Web.Services;

/// <summary>A Grafana dashboard opened on one person.</summary>
internal sealed record DashboardLink(string Title, Uri Url);
