using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Providers.Withings;

/// <summary>Section <c>Withings</c>: the application's credentials, the API's addresses and how far syncs look.</summary>
public sealed class WithingsOptions
{
    /// <summary>The application's client id from the Withings developer dashboard.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The application's client secret (never logged).</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Data and token API. Default <c>https://wbsapi.withings.net</c>.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://wbsapi.withings.net");

    /// <summary>Browser consent page. Default <c>https://account.withings.com/oauth2_user/authorize2</c>.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://account.withings.com/oauth2_user/authorize2");

    /// <summary>Token endpoint. Default: <c>{ApiBaseUrl}/v2/oauth2</c>.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>Comma-separated scopes asked for. Default <c>user.metrics,user.activity</c>.</summary>
    public string Scopes { get; set; } = "user.metrics,user.activity";

    /// <summary>Window re-read on every incremental run to catch late edits and deletions. Default 7 days.</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Width of one backfill step (progress is reported per step). Default 90 days.</summary>
    public TimeSpan BackfillWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How far back an incremental run goes when there is no cursor yet. Default 30 days.</summary>
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

    /// <summary>Path of the notification receiver on the worker's listener. Default <c>/push/withings</c>.</summary>
    public string NotifyCallbackPath { get; set; } = "/push/withings";

    /// <summary>Most pages read per query before a run gives up (guards against a server that never ends). Default 1000.</summary>
    public int MaxPages { get; set; } = 1000;

    /// <summary>Attempts for timeouts and "an error occurred" answers, with exponential backoff. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay. Default 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time limit of one HTTP request. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public Uri ResolvedTokenUrl => TokenUrl ?? new Uri(ApiBaseUrl, "/v2/oauth2");

    public override string ToString() =>
        $"WithingsOptions {{ ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, ApiBaseUrl = {ApiBaseUrl}, AuthorizeUrl = {AuthorizeUrl}, LookBack = {LookBack} }}";
}
