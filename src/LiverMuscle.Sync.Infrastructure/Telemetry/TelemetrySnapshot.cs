namespace LiverMuscle.Sync.Infrastructure.Telemetry;

/// <summary>
/// The figures gauges read that come from the state store, refreshed on a schedule so that a scrape never waits on
/// I/O: the write spool, the last accepted InfluxDB write, and per provider its connections and request budget.
/// </summary>
public sealed record TelemetrySnapshot(
    int SpooledBatches,
    long SpooledBytes,
    DateTimeOffset? OldestSpooledAt,
    DateTimeOffset? LastSuccessfulWriteAt,
    IReadOnlyList<ProviderReading> Providers)
{
    public static TelemetrySnapshot Empty { get; } = new(0, 0, null, null, []);
}

/// <summary>
/// One provider's connections: the earliest access-token expiry among those connected (null: none), how many need
/// re-authorisation, and the requests left in its tightest budget window (null: no limit).
/// </summary>
public sealed record ProviderReading(string Provider, DateTimeOffset? EarliestTokenExpiry, int NeedingReauthorization, int? BudgetRemaining);
