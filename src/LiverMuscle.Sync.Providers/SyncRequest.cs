namespace LiverMuscle.Sync.Providers;

/// <summary>
/// One sync of a (user, data kind). <paramref name="Cursor"/> is the last saved cursor value, null on a first run.
/// For <see cref="SyncMode.Backfill"/>, <paramref name="Since"/> is how far back to go; for
/// <see cref="SyncMode.Targeted"/> (a push notification), <paramref name="Since"/>..<paramref name="Until"/> is the
/// window the provider named. <paramref name="DataKinds"/> limits the run to those data kinds (null: all of them).
/// </summary>
public sealed record SyncRequest(
    string UserId,
    string? Cursor,
    SyncMode Mode,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    IReadOnlySet<string>? DataKinds = null)
{
    /// <summary>Every HTTP request the run sends (retries and refreshes included), counted as it is sent.</summary>
    public RequestTally Requests { get; init; } = new();

    public bool Includes(string dataKind) => DataKinds is null || DataKinds.Contains(dataKind);
}

public enum SyncMode
{
    /// <summary>From the cursor (minus the look-back window) to now.</summary>
    Incremental,

    /// <summary>History back to <see cref="SyncRequest.Since"/>, resumable through the cursor.</summary>
    Backfill,

    /// <summary>A window named by a push notification; does not move the incremental cursor backwards.</summary>
    Targeted,
}
