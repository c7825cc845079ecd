namespace LiverMuscle.Sync.Dashboards.Building;

/// <summary>A dashboard definition is inconsistent; the message lists every problem found.</summary>
internal sealed class DashboardBuildException(string uid, IReadOnlyList<string> errors)
    : Exception($"Dashboard '{uid}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
