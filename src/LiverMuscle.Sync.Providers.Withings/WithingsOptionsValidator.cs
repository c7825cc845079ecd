using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings;

internal sealed class WithingsOptionsValidator : IValidateOptions<WithingsOptions>
{
    public ValidateOptionsResult Validate(string? name, WithingsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Withings:ClientId must be set (the client id of the Withings developer application).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Withings:ClientSecret must be set.");
        }

        CheckUrl(failures, "Withings:ApiBaseUrl", options.ApiBaseUrl);
        CheckUrl(failures, "Withings:AuthorizeUrl", options.AuthorizeUrl);
        if (options.TokenUrl is not null)
        {
            CheckUrl(failures, "Withings:TokenUrl", options.TokenUrl);
        }

        if (options.LookBack < TimeSpan.Zero || options.LookBack > TimeSpan.FromDays(90))
        {
            failures.Add($"Withings:LookBack must be between 0 and 90 days, got '{options.LookBack}'.");
        }

        if (options.BackfillWindow < TimeSpan.FromDays(1))
        {
            failures.Add($"Withings:BackfillWindow must be at least one day, got '{options.BackfillWindow}'.");
        }

        if (options.InitialHistory < TimeSpan.Zero)
        {
            failures.Add($"Withings:InitialHistory must not be negative, got '{options.InitialHistory}'.");
        }

        if (!options.NotifyCallbackPath.StartsWith('/'))
        {
            failures.Add($"Withings:NotifyCallbackPath must start with '/', got '{options.NotifyCallbackPath}'.");
        }

        if (options.MaxPages < 1 || options.MaxRetries < 0 || options.RetryBaseDelay < TimeSpan.Zero || options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Withings:MaxPages must be positive, MaxRetries and RetryBaseDelay not negative, RequestTimeout positive; got {options.MaxPages}, {options.MaxRetries}, '{options.RetryBaseDelay}', '{options.RequestTimeout}'.");
        }

        foreach (var (category, kind) in options.WorkoutCategories)
        {
            if (string.IsNullOrWhiteSpace(kind))
            {
                failures.Add($"Withings:WorkoutCategories:{category} must name a session kind.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{key} must be an absolute http(s) URL, got '{url}'.");
        }
    }
}
