using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth;

/// <summary>
/// Checks <c>Fitbit</c> at start. Addresses of the switched-off Fitbit Web API are not an error here: the connector
/// reports them on every sync, per user, without stopping the worker.
/// </summary>
internal sealed class FitbitOptionsValidator : IValidateOptions<FitbitOptions>
{
    public ValidateOptionsResult Validate(string? name, FitbitOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Fitbit:ClientId must be set (the OAuth client id of your Google Cloud project).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Fitbit:ClientSecret must be set.");
        }

        foreach (var (key, url) in new[] { ("ApiBaseUrl", options.ApiBaseUrl), ("AuthorizeUrl", options.AuthorizeUrl), ("TokenUrl", options.TokenUrl) })
        {
            if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Fitbit:{key} must be an absolute http(s) URL, got '{url}'.");
            }
        }

        foreach (var (type, kind) in options.StrengthExerciseTypes)
        {
            if (string.IsNullOrWhiteSpace(kind))
            {
                failures.Add($"Fitbit:StrengthExerciseTypes:{type} must name a session kind.");
            }
        }

        if (options.ExportWeightUnit is not ("kg" or "lb"))
        {
            failures.Add($"Fitbit:ExportWeightUnit must be 'kg' or 'lb', got '{options.ExportWeightUnit}'.");
        }

        Range(failures, "ActivityWindowDays", options.ActivityWindowDays, 1, 90);
        Range(failures, "BodyWindowDays", options.BodyWindowDays, 1, 365);
        Range(failures, "BackfillWindowDays", options.BackfillWindowDays, 1, 90);
        Range(failures, "BackfillStopAfterEmptyWindows", options.BackfillStopAfterEmptyWindows, 1, 1000);
        Range(failures, "RequestsPerMinutePerUser", options.RequestsPerMinutePerUser, 1, 300);
        Range(failures, "MaxRetries", options.MaxRetries, 0, 10);
        if (options.MinimumSessionDuration < TimeSpan.Zero || options.RetryBaseDelay < TimeSpan.Zero || options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Fitbit:MinimumSessionDuration and RetryBaseDelay must not be negative and RequestTimeout must be positive; got '{options.MinimumSessionDuration}', '{options.RetryBaseDelay}', '{options.RequestTimeout}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Fitbit:{key} must be between {min} and {max}, got {value}.");
        }
    }
}
