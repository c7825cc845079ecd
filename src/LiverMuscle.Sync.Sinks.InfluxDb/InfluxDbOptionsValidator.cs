using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb;

internal sealed class InfluxDbOptionsValidator : IValidateOptions<InfluxDbOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxDbOptions options)
    {
        var failures = new List<string>();
        if (options.Url is null || !options.Url.IsAbsoluteUri || (options.Url.Scheme != Uri.UriSchemeHttp && options.Url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"InfluxDb:Url must be an absolute http(s) URL, got '{options.Url}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Database))
        {
            failures.Add("InfluxDb:Database must name a database.");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add($"InfluxDb:BatchSize must be between 1 and 100000, got {options.BatchSize}.");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            failures.Add($"InfluxDb:MaxRetries must be between 0 and 20, got {options.MaxRetries}.");
        }

        foreach (var (key, value) in new[]
                 {
                     ("RetryBaseDelay", options.RetryBaseDelay),
                     ("MaxRetryDelay", options.MaxRetryDelay), ("RequestTimeout", options.RequestTimeout),
                     ("ReplayInterval", options.ReplayInterval),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"InfluxDb:{key} must be a positive duration (e.g. 00:00:05), got '{value}'.");
            }
        }

        if (options.ApiFlavor != InfluxApiFlavor.V1 && string.IsNullOrEmpty(options.Token) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"InfluxDb:Token is required with InfluxDb:ApiFlavor {options.ApiFlavor}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
