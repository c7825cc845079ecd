namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>A sandbox user and everything the service holds for them. Guard with <c>lock (user)</c>.</summary>
internal sealed class SandboxUser(string healthUserId, string legacyUserId, TimeSpan utcOffset, string timeZone, Random rng)
{
    /// <summary>The user's own generator: history first, then ids of points added by tests.</summary>
    public Random Rng { get; } = rng;

    public string HealthUserId { get; } = healthUserId;

    public string LegacyUserId { get; } = legacyUserId;

    public TimeSpan UtcOffset { get; } = utcOffset;

    /// <summary>The IANA zone of the user's settings; data keep <see cref="UtcOffset"/>.</summary>
    public string TimeZone { get; set; } = timeZone;

    public List<StoredPoint> Points { get; } = [];

    public HashSet<long> UsedIds { get; } = [];

    public int Refreshes { get; set; }

    public bool DenyEverything { get; set; }

    /// <summary>Whether the user has consented to this client before (Google then omits the refresh token unless prompted).</summary>
    public bool HasConsented { get; set; }

    public long NewId(long min, long max, Random? rng = null)
    {
        while (true)
        {
            var id = (rng ?? Rng).NextInt64(min, max);
            if (UsedIds.Add(id))
            {
                return id;
            }
        }
    }
}
