namespace LiverMuscle.Sync.Providers.GoogleHealth;

/// <summary>The Fitbit Web API and its OAuth endpoints were switched off on 2 Nov 2026 and answer 410 Gone.</summary>
internal static class LegacyFitbitApi
{
    public const string SwitchedOff = "Fitbit Web API was switched off on 2 Nov 2026 — re-authorise through Google Health "
        + "(set Fitbit:ApiBaseUrl, AuthorizeUrl and TokenUrl to the Google Health defaults, then run 'auth fitbit --user ID')";

    /// <summary>True for the hosts of the switched-off API (<c>api.fitbit.com</c>, <c>www.fitbit.com</c>, …).</summary>
    public static bool IsLegacy(Uri url) =>
        url.Host.Equals("fitbit.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".fitbit.com", StringComparison.OrdinalIgnoreCase);
}
