using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

/// <summary>
/// Section <c>Fitbit</c>: Fitbit data served by the Google Health API v4 — the Google OAuth client, the API's
/// addresses, which exercise types count as strength training, and how far each run re-reads.
/// </summary>
public sealed class FitbitOptions
{
    /// <summary>The OAuth client id of the Google Cloud project (a "Web application" client).</summary>
    [RequiredSetting(Expectation = "must be set (the OAuth client id of your Google Cloud project).")]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The OAuth client secret (never logged).</summary>
    [RequiredSetting(Expectation = "must be set.")]
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Google Health API host. Default <c>https://health.googleapis.com</c>.</summary>
    [HttpUrl(Required = true)]
    public Uri ApiBaseUrl { get; set; } = new("https://health.googleapis.com");

    /// <summary>Google's consent page. Default <c>https://accounts.google.com/o/oauth2/v2/auth</c>.</summary>
    [HttpUrl(Required = true)]
    public Uri AuthorizeUrl { get; set; } = new("https://accounts.google.com/o/oauth2/v2/auth");

    /// <summary>Google's token endpoint. Default <c>https://oauth2.googleapis.com/token</c>.</summary>
    [HttpUrl(Required = true)]
    public Uri TokenUrl { get; set; } = new("https://oauth2.googleapis.com/token");

    /// <summary>
    /// Google's token revocation endpoint, called when a person is removed. Default
    /// <c>https://oauth2.googleapis.com/revoke</c>.
    /// </summary>
    [HttpUrl(Required = true)]
    public Uri RevokeUrl { get; set; } = new("https://oauth2.googleapis.com/revoke");

    /// <summary>
    /// Exercise types written as <c>strength_session</c>, with the session kind. Types not listed (including values
    /// the API adds later) are ignored.
    /// </summary>
    public Dictionary<string, string> StrengthExerciseTypes { get; set; } = new(StringComparer.Ordinal)
    {
        ["STRENGTH_TRAINING"] = SessionKinds.StrengthTraining,
        ["WEIGHTLIFTING"] = SessionKinds.Weights,
        ["WEIGHTS"] = SessionKinds.Weights,
        ["FREE_WEIGHTS"] = SessionKinds.Weights,
        ["WEIGHT_MACHINES"] = SessionKinds.Weights,
        ["POWERLIFTING"] = SessionKinds.Weights,
        ["BODY_WEIGHT"] = SessionKinds.Bodyweight,
        ["CALISTHENICS"] = SessionKinds.Bodyweight,
        ["TRX"] = SessionKinds.Bodyweight,
        ["RESISTANCE_BANDS"] = SessionKinds.StrengthTraining,
        ["FUNCTIONAL_STRENGTH_TRAINING"] = SessionKinds.StrengthTraining,
        ["CORE_TRAINING"] = SessionKinds.StrengthTraining,
        ["CIRCUIT_TRAINING"] = SessionKinds.CircuitTraining,
        ["CROSSFIT"] = SessionKinds.CircuitTraining,
        ["CROSS_TRAINING"] = SessionKinds.CircuitTraining,
        ["BOOTCAMP"] = SessionKinds.CircuitTraining,
    };

    /// <summary>Sessions shorter than this are dropped (auto-detected blips of a minute or two). Default 5 minutes.</summary>
    [DurationRange("00:00:00")]
    public TimeSpan MinimumSessionDuration { get; set; } = StrengthSessionRule.DefaultMinimumDuration;

    /// <summary>Local days of exercise and nutrition re-read on every run, 1–90. Default 14.</summary>
    [NumberRange(1, 90)]
    public int ActivityWindowDays { get; set; } = 14;

    /// <summary>Days of weight and body fat re-read on every run (by UTC time), 1–365. Default 30.</summary>
    [NumberRange(1, 365)]
    public int BodyWindowDays { get; set; } = 30;

    /// <summary>
    /// Days per backfill window, walked backwards from today, 1–3650. The API caps pages, not the span a list may
    /// cover, so one window reads the whole history in full pages. Default 3650.
    /// </summary>
    [NumberRange(1, 3650)]
    public int BackfillWindowDays { get; set; } = 3650;

    /// <summary>A backfill without a start date stops after this many empty windows in a row, 1–1000. Default 1.</summary>
    [NumberRange(1, 1000)]
    public int BackfillStopAfterEmptyWindows { get; set; } = 1;

    /// <summary>How often a run reads the person's time zone from their Google Health settings again, at least a minute. Default 1 hour.</summary>
    [DurationRange("00:01:00")]
    public TimeSpan TimeZoneRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The <c>Authorization</c> value given to Google Health as the webhook subscriber's
    /// <c>endpointAuthorization.secret</c> (e.g. <c>Bearer …</c>). When set, the worker receives notifications at
    /// <see cref="WebhookPath"/>; when empty, polling alone keeps data current.
    /// </summary>
    public string WebhookAuthorization { get; set; } = string.Empty;

    /// <summary>Path of the notification receiver on the worker's listener. Default <c>/push/fitbit</c>.</summary>
    [SettingPattern("^/.*$", "must start with '/'")]
    public string WebhookPath { get; set; } = "/push/fitbit";

    /// <summary>Unit of <c>weight</c> in a Fitbit export, which does not say: <c>kg</c> or <c>lb</c>. Default kg.</summary>
    [SettingPattern("^(kg|lb)$", "must be 'kg' or 'lb'")]
    public string ExportWeightUnit { get; set; } = "kg";

    /// <summary>Requests per minute per user, 1–300 (Google allows 300). Default 250.</summary>
    [NumberRange(1, 300)]
    public int RequestsPerMinutePerUser { get; set; } = 250;

    /// <summary>Attempts for 429, 500, 502, 503, 504 and network errors, 0–10. Default 4.</summary>
    [NumberRange(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay when the answer names none. Default 1 s.</summary>
    [DurationRange("00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit of one HTTP request. Default 30 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() =>
        $"FitbitOptions {{ ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, ApiBaseUrl = {ApiBaseUrl}, WebhookAuthorization = {(string.IsNullOrEmpty(WebhookAuthorization) ? "(none)" : "***")} }}";
}
