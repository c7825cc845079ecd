using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>One stored data point: its place in the ordering, its local start for civil filters, and its JSON.</summary>
internal sealed class StoredPoint
{
    public required string Name { get; init; }

    public required string DataType { get; init; }

    /// <summary>Interval start or sample time (UTC); the list order is by this, newest first.</summary>
    public required DateTimeOffset Time { get; init; }

    public required TimeSpan UtcOffset { get; init; }

    /// <summary>The typed value (<see cref="SandboxExercise"/>, …); null for a malformed point.</summary>
    public object? Record { get; init; }

    public required Func<JsonObject> Json { get; init; }

    public bool Deleted { get; set; }

    public DateTime LocalStart => Time.UtcDateTime + UtcOffset;
}

/// <summary>A sandbox user and everything the service holds for them. Guard with <c>lock (user)</c>.</summary>
internal sealed class SandboxUser(string healthUserId, string legacyUserId, TimeSpan utcOffset, string timeZone, Random rng)
{
    /// <summary>The user's own generator: history first, then ids of points added by tests.</summary>
    public Random Rng { get; } = rng;

    public string HealthUserId { get; } = healthUserId;

    public string LegacyUserId { get; } = legacyUserId;

    public TimeSpan UtcOffset { get; } = utcOffset;

    public string TimeZone { get; } = timeZone;

    public List<StoredPoint> Points { get; } = [];

    public HashSet<long> UsedIds { get; } = [];

    public int Refreshes { get; set; }

    public bool DenyEverything { get; set; }

    /// <summary>Whether the user has consented to this client before (Google then omits the refresh token unless prompted).</summary>
    public bool HasConsented { get; set; }

    public long NewId(long min, long max)
    {
        while (true)
        {
            var id = Rng.NextInt64(min, max);
            if (UsedIds.Add(id))
            {
                return id;
            }
        }
    }
}
