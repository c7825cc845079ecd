namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// How the Google Health sandbox behaves. Defaults follow the documented and observed service; switches cover the
/// behaviours the reference marks UNVERIFIED.
/// </summary>
public sealed class GoogleHealthSandboxOptions
{
    /// <summary>The clock for tokens, codes, the rate limit and the synthetic history. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seed of the synthetic history: the same seed serves the same users and data. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Days of history each user has, ending at the sandbox's start. Default 180.</summary>
    public int HistoryDays { get; set; } = 180;

    /// <summary>Users created at start. More are created by authorising or <see cref="GoogleHealthSandbox.CreateUser"/>.</summary>
    public int Users { get; set; }

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    public string ClientId { get; set; } = "sandbox-google-client";

    public string ClientSecret { get; set; } = "sandbox-google-secret";

    /// <summary>API requests per user in any sliding 60 seconds before 429 RESOURCE_EXHAUSTED. Default 300.</summary>
    public int RequestsPerMinutePerUser { get; set; } = 300;

    /// <summary>UNVERIFIED: whether a 429 carries <c>Retry-After</c> (whole seconds). Default false.</summary>
    public bool SendRetryAfter { get; set; }

    /// <summary>UNVERIFIED: whether a 429 carries a <c>google.rpc.RetryInfo</c> detail with <c>retryDelay</c>. Default false.</summary>
    public bool SendRetryInfo { get; set; }

    /// <summary>Access token lifetime; <c>expires_in</c> is one second less (3599 for the default 1 h).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// An "External" app in "Testing" publishing status: refresh tokens die 7 days after issue (refresh then answers
    /// <c>invalid_grant</c>), and token responses carry <c>refresh_token_expires_in</c>. Default false.
    /// </summary>
    public bool TestingMode { get; set; }

    /// <summary>Lifetime of a Testing-mode refresh token. Default 7 days.</summary>
    public TimeSpan TestingModeRefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Lifetime of a (single-use) authorization code. Default 10 minutes.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Google's rule that a refresh token is only returned on the first consent of a user for the client, or when
    /// <c>prompt=consent</c> is sent. Default true; false returns one on every offline authorisation.
    /// </summary>
    public bool RefreshTokenOnlyOnFirstConsent { get; set; } = true;

    /// <summary>
    /// Every list ends with a literal <c>{}</c> page: the page that exhausts the data still carries a token.
    /// When false the last data page simply has no <c>nextPageToken</c>. Default true.
    /// </summary>
    public bool FinalPageEmptyObject { get; set; } = true;

    /// <summary>With <see cref="FinalPageEmptyObject"/> off, the last data page says <c>"nextPageToken": ""</c> instead of omitting it. Default false.</summary>
    public bool LastPageEmptyStringToken { get; set; }

    /// <summary>
    /// The reported paging defect: when a page ends inside a group of points with identical timestamps, the rest of
    /// the group is silently skipped. Default false.
    /// </summary>
    public bool TieDropDefect { get; set; }

    /// <summary>Now and then (deterministically) a page is empty but still carries a <c>nextPageToken</c>. Default true.</summary>
    public bool EmptyPageWithToken { get; set; } = true;

    /// <summary>Exercise intervals have no <c>civilStartTime</c>/<c>civilEndTime</c>, as observed live. Default true.</summary>
    public bool OmitExerciseCivilTimes { get; set; } = true;

    /// <summary>
    /// Every Nth generated non-strength session gets an enum value no client has seen (<c>UNDERWATER_HOCKEY_V2</c>).
    /// 0 = never. Default 17.
    /// </summary>
    public int UnknownExerciseTypeEvery { get; set; } = 17;

    /// <summary>
    /// The same events recorded by several sources, one data point per source, as real accounts hold them: weigh-ins
    /// that only a phone scale app wrote through Health Connect and Health Connect copies of the scale's weigh-ins (a
    /// few seconds later, rounded), both served without <c>name</c>; strength sessions a gym app also logged (its own
    /// type, a slightly different interval) or a legacy integration wrote again in the same second; food entries synced
    /// through a second app. Copies are not part of the typed records. Default true.
    /// </summary>
    public bool MultiSource { get; set; } = true;

    /// <summary>Every Nth generated food entry has no <c>interval.endTime</c> (only the start is required). 0 = never. Default 6.</summary>
    public int NutritionWithoutEndTimeEvery { get; set; } = 6;

    /// <summary>UNVERIFIED: weight/body-fat/height also accept <c>sample_time.civil_time</c> filters. Default false.</summary>
    public bool AcceptSampleCivilTimeFilter { get; set; }

    /// <summary>Serve the preview channel <c>/v4beta/</c> like <c>/v4/</c>; otherwise it answers 404. Default false.</summary>
    public bool ServeV4Beta { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Require(TimeProvider is not null, nameof(TimeProvider), "must be set");
        Require(HistoryDays is >= 0 and <= 3650, nameof(HistoryDays), $"must be 0..3650, was {HistoryDays}");
        Require(Users is >= 0 and <= 100_000, nameof(Users), $"must be 0..100000, was {Users}");
        Require(Port is >= 0 and <= 65535, nameof(Port), $"must be 0..65535, was {Port}");
        Require(!string.IsNullOrEmpty(ClientId), nameof(ClientId), "must not be empty");
        Require(!string.IsNullOrEmpty(ClientSecret), nameof(ClientSecret), "must not be empty");
        Require(RequestsPerMinutePerUser > 0, nameof(RequestsPerMinutePerUser), $"must be positive, was {RequestsPerMinutePerUser}");
        Require(AccessTokenLifetime >= TimeSpan.FromSeconds(2), nameof(AccessTokenLifetime), $"must be at least 2 s, was {AccessTokenLifetime}");
        Require(TestingModeRefreshTokenLifetime > TimeSpan.Zero, nameof(TestingModeRefreshTokenLifetime), $"must be positive, was {TestingModeRefreshTokenLifetime}");
        Require(AuthorizationCodeLifetime > TimeSpan.Zero, nameof(AuthorizationCodeLifetime), $"must be positive, was {AuthorizationCodeLifetime}");
        Require(UnknownExerciseTypeEvery >= 0, nameof(UnknownExerciseTypeEvery), $"must be 0 (never) or positive, was {UnknownExerciseTypeEvery}");
        Require(NutritionWithoutEndTimeEvery >= 0, nameof(NutritionWithoutEndTimeEvery), $"must be 0 (never) or positive, was {NutritionWithoutEndTimeEvery}");
    }

    private static void Require(bool condition, string key, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"GoogleHealthSandboxOptions.{key} {message}.", key);
        }
    }
}
