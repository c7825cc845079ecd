namespace LiverMuscle.Sync.Dashboards.Queries;

/// <summary>The dashboard state a query is expanded for: the time range, the interval and the variables' values.</summary>
public sealed record QueryContext(DateTimeOffset From, DateTimeOffset To, TimeSpan Interval, IReadOnlyDictionary<string, VariableValue> Variables);
