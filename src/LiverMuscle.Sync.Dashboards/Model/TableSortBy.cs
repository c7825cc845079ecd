namespace LiverMuscle.Sync.Dashboards.Model;

internal sealed record TableSortBy(string DisplayName, bool Desc);
