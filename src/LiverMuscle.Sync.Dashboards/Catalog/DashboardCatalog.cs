namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>Every dashboard the product ships, in the order they are exported and provisioned.</summary>
public static class DashboardCatalog
{
    public static IReadOnlyList<IDashboardDefinition> All { get; } =
    [
        new AdherenceDashboard(),
        new HouseholdDashboard(),
        new SyncHealthDashboard(),
    ];
}
