namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>The rows of a daily-totals file that could be read, one error per row that could not, and the columns not read.</summary>
internal sealed record DailyTotalsRead(IReadOnlyList<DailyTotalsRow> Rows, IReadOnlyList<EntryError> Errors, IReadOnlyList<string> IgnoredColumns);
