namespace LiverMuscle.Sync.Dashboards.Model;

public sealed record TableSortBy(string DisplayName, bool Desc);
