namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// One day's entry as it was stored: where it came from (<c>line 3</c>, <c>entry</c>), the local day and the instant of
/// its local midnight, the measurement, the session kind (sessions only) and the values by field name.
/// </summary>
public sealed record StoredEntry(string Location, DateOnly Date, DateTimeOffset Time, string Measurement, string? Kind, IReadOnlyDictionary<string, double> Values);
