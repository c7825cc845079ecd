namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>Every dashboard the product ships, in the order they are exported and provisioned.</summary>
public static class DashboardCatalog
{
    /// <summary>The dashboards on the InfluxDB datasource.</summary>
    public static IReadOnlyList<IDashboardDefinition> OnInfluxDb { get; } =
    [
        new AdherenceDashboard(),
        new HouseholdDashboard(),
        new SyncHealthDashboard(),
    ];

    /// <summary>What is exported to <c>dashboards/</c>: those and "Worker" on <see cref="DashboardDefaults.PrometheusDatasourceUid"/>.</summary>
    public static IReadOnlyList<IDashboardDefinition> All { get; } = [.. OnInfluxDb, new WorkerDashboard()];

    /// <summary>What API provisioning saves: the InfluxDB dashboards, and "Worker" when a Prometheus datasource is named.</summary>
    public static IReadOnlyList<IDashboardDefinition> Provisioned(string? prometheusDatasourceUid) =>
        string.IsNullOrEmpty(prometheusDatasourceUid) ? OnInfluxDb : [.. OnInfluxDb, new WorkerDashboard(prometheusDatasourceUid)];
}
