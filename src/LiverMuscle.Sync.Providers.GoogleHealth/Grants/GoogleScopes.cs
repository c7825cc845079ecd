using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Grants;

/// <summary>
/// The Google Health scopes the connector asks for and what each opens. Google's consent screen lets a person tick
/// them one by one; the token answer's <c>scope</c>, at consent and on every refresh, says which were granted.
/// </summary>
internal static class GoogleScopes
{
    public const string Activity = Prefix + "activity_and_fitness.readonly";
    public const string Metrics = Prefix + "health_metrics_and_measurements.readonly";
    public const string Nutrition = Prefix + "nutrition.readonly";

    /// <summary>Optional: the person's time zone from their settings.</summary>
    public const string Settings = Prefix + "settings.readonly";

    /// <summary>The time zone, reported beside the data kinds when its scope is missing.</summary>
    public const string TimeZone = "time zone";

    private const string Prefix = "https://www.googleapis.com/auth/googlehealth.";

    /// <summary>What the authorisation asks for.</summary>
    public static IReadOnlyList<string> Requested { get; } = [Activity, Metrics, Nutrition, Settings];

    /// <summary>The scopes of the data kinds; a grant without any of them cannot sync anything.</summary>
    public static IReadOnlyList<string> Data { get; } = [Activity, Metrics, Nutrition];

    /// <summary>The scope a data kind (or the <see cref="TimeZone"/>) is read with.</summary>
    public static string For(string dataKind) => dataKind switch
    {
        FitbitDataKinds.Exercise => Activity,
        FitbitDataKinds.Nutrition => Nutrition,
        FitbitDataKinds.Body => Metrics,
        TimeZone => Settings,
        _ => throw new ArgumentOutOfRangeException(nameof(dataKind), dataKind, "not a Fitbit data kind"),
    };

    /// <summary>
    /// The scopes a stored token was granted: the token answer's <c>scope</c>; for a token stored without one (before
    /// scopes were kept) the data scopes, whose absence a 403 then reveals.
    /// </summary>
    public static IReadOnlySet<string> Granted(OAuthToken token) =>
        token.Scope is { } scope ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) : Data.ToHashSet(StringComparer.Ordinal);

    /// <summary>The permission as Google's consent screen names it.</summary>
    public static string Permission(string scope) => scope switch
    {
        Activity => "activity and fitness",
        Metrics => "health metrics and measurements",
        Nutrition => "nutrition",
        Settings => "settings",
        _ => scope,
    };
}
