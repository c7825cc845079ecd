namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>How the sandbox behaves. Defaults follow the real API; page sizes are small so clients must page.</summary>
public sealed class WithingsSandboxOptions
{
    /// <summary>The clock for token lifetimes, the rate limit and the synthetic history. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seed of the synthetic history: the same seed serves the same data. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Days of history each user has, ending at the sandbox's start. Default 180.</summary>
    public int HistoryDays { get; set; } = 180;

    /// <summary>Users created at start (Withings user ids 1000001, 1000002, …). More are created by authorising.</summary>
    public int Users { get; set; }

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    public string ClientId { get; set; } = "sandbox-client";

    public string ClientSecret { get; set; } = "sandbox-secret";

    /// <summary>Requests per minute per application before status 601. Default 120.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(3);

    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a rotated-out refresh token still works if the new access token was not used. Default 8 h.</summary>
    public TimeSpan RefreshOverlap { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Unofficial strict rule: reusing a rotated-out refresh token revokes the whole grant. Default false.</summary>
    public bool ReuseKillsChain { get; set; }

    /// <summary>Measure groups per getmeas page. Default 50.</summary>
    public int MeasurePageSize { get; set; } = 50;

    /// <summary>Workouts per getworkouts page. Default 25.</summary>
    public int WorkoutPageSize { get; set; } = 25;

    /// <summary>
    /// The IANA zones users live in, given out in turn by user id (the demo user has the first); answers carry the
    /// user's zone, and their history follows local mornings and evenings. Default Lisbon, Tokyo, New York.
    /// </summary>
    public IReadOnlyList<string> TimeZones { get; set; } = ["Europe/Lisbon", "Asia/Tokyo", "America/New_York"];

    /// <summary>How long the token endpoint takes to answer (a slow one lets two refreshes overlap). Default none.</summary>
    public TimeSpan TokenDelay { get; set; }
}
