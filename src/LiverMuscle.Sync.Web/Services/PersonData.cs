namespace LiverMuscle.Sync.Web.Services;

/// <summary>What the person page adds to the overview: points stored per measurement, and recent alert transitions.</summary>
internal sealed record PersonData(IReadOnlyDictionary<string, long> StoredPoints, IReadOnlyList<AlertTransition> Timeline, string? InfluxProblem);
