namespace LiverMuscle.Sync.Dashboards.Model;

/// <summary>Which value a stat shows: <c>lastNotNull</c>, <c>sum</c>, …</summary>
internal sealed record ReduceOptions(IReadOnlyList<string> Calcs, string Fields = "", bool Values = false);
