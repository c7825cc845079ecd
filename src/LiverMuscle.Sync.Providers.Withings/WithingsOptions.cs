using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.Withings;

/// <summary>Section <c>Withings</c>: the application's credentials, the API's addresses and how far syncs look.</summary>
public sealed class WithingsOptions
{
    /// <summary>The application's client id from the Withings developer dashboard.</summary>
    [RequiredSetting(Expectation = "must be set (the client id of the Withings developer application).")]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The application's client secret (never logged).</summary>
    [RequiredSetting(Expectation = "must be set.")]
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Data API. Default <c>https://wbsapi.withings.net</c>.</summary>
    [HttpUrl(Required = true)]
    public Uri ApiBaseUrl { get; set; } = new("https://wbsapi.withings.net");

    /// <summary>Browser consent page. Default <c>https://account.withings.com/oauth2_user/authorize2</c>.</summary>
    [HttpUrl(Required = true)]
    public Uri AuthorizeUrl { get; set; } = new("https://account.withings.com/oauth2_user/authorize2");

    /// <summary>Token endpoint (code exchange and refresh). Default: <c>{ApiBaseUrl}/v2/oauth2</c>.</summary>
    [HttpUrl]
    public Uri? TokenUrl { get; set; }

    /// <summary>Comma-separated scopes asked for. Default <c>user.metrics,user.activity</c>.</summary>
    [RequiredSetting]
    public string Scopes { get; set; } = "user.metrics,user.activity";

    /// <summary>
    /// Window re-read on every incremental run to catch late edits and deletions, and the furthest back a notification
    /// reaches (older changes need a backfill). Default 7 days.
    /// </summary>
    [DurationRange("00:00:00", "90.00:00:00")]
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Width of one backfill step (progress is reported per step). Default 90 days.</summary>
    [DurationRange("1.00:00:00")]
    public TimeSpan BackfillWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How far back an incremental run goes when there is no cursor yet. Default 30 days.</summary>
    [DurationRange("00:00:00")]
    public TimeSpan InitialHistory { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Workout category id → <c>kind</c> of the <c>strength_session</c> written. Categories not listed are ignored.
    /// Default: 16 lift weights → weights, 540 seated strength → strength_training, 17 fitness → bodyweight,
    /// 546 crossfit → circuit_training.
    /// </summary>
    public Dictionary<int, string> WorkoutCategories { get; set; } = new()
    {
        [16] = SessionKinds.Weights,
        [540] = SessionKinds.StrengthTraining,
        [17] = SessionKinds.Bodyweight,
        [546] = SessionKinds.CircuitTraining,
    };

    /// <summary>Workouts shorter than this are not written (the same rule as Fitbit's). Default 5 minutes.</summary>
    [DurationRange("00:00:00", "1.00:00:00")]
    public TimeSpan MinimumSessionDuration { get; set; } = StrengthSessionRule.DefaultMinimumDuration;

    /// <summary>
    /// Path of the notification receiver on the worker's listener; each person's callback URL adds a secret segment.
    /// Default <c>/push/withings</c>.
    /// </summary>
    [SettingPattern("^(/[A-Za-z0-9._~-]+)+$", "must be a path such as /push/withings")]
    public string NotifyCallbackPath { get; set; } = "/push/withings";

    /// <summary>How often <c>run</c> checks each person's notification subscriptions at Withings (and renews them). Default 1 day.</summary>
    [DurationRange("00:01:00", "30.00:00:00")]
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most pages read per query before a run gives up (guards against a server that never ends). Default 1000.</summary>
    [NumberRange(1, 1_000_000)]
    public int MaxPages { get; set; } = 1000;

    /// <summary>Attempts for timeouts and "an error occurred" answers, with exponential backoff. Default 4.</summary>
    [NumberRange(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay. Default 2 s.</summary>
    [DurationRange("00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time limit of one HTTP request. Default 30 s.</summary>
    [DurationRange("00:00:00", "00:10:00", MinimumIsExclusive = true)]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public Uri ResolvedTokenUrl => TokenUrl ?? new Uri(ApiBaseUrl, "/v2/oauth2");

    public override string ToString() =>
        $"WithingsOptions {{ ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, ApiBaseUrl = {ApiBaseUrl}, AuthorizeUrl = {AuthorizeUrl}, LookBack = {LookBack} }}";
}
