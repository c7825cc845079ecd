namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>One well-formed row of a daily-totals file: where it is, its day and its values by field name.</summary>
internal sealed record DailyTotalsRow(string Location, DateOnly Date, IReadOnlyDictionary<string, double> Values);
