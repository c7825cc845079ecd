using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

internal sealed partial class GrafanaOptionsValidator : IValidateOptions<GrafanaOptions>
{
    public ValidateOptionsResult Validate(string? name, GrafanaOptions options)
    {
        if (options.Url is null)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!IsHttp(options.Url))
        {
            failures.Add($"Grafana:Url must be an absolute http(s) URL, got '{options.Url}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceAccountToken))
        {
            failures.Add("Grafana:ServiceAccountToken is required when Grafana:Url is set (a service-account token with the Admin role, or Editor when the datasource exists).");
        }

        if (!UidPattern().IsMatch(options.FolderUid ?? string.Empty))
        {
            failures.Add($"Grafana:FolderUid must be 1-40 characters of A-Z, a-z, 0-9, '-' or '_', got '{options.FolderUid}'.");
        }

        if (string.IsNullOrWhiteSpace(options.FolderTitle))
        {
            failures.Add("Grafana:FolderTitle must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Datasource.Name))
        {
            failures.Add("Grafana:Datasource:Name must not be empty.");
        }

        if (options.Datasource.Url is not { } url || !IsHttp(url))
        {
            failures.Add($"Grafana:Datasource:Url (or InfluxDb:Url) must be an absolute http(s) URL, got '{options.Datasource.Url}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Datasource.Database))
        {
            failures.Add("Grafana:Datasource:Database (or InfluxDb:Database) must name a database.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"Grafana:MaxRetries must be between 0 and 10, got {options.MaxRetries}.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"Grafana:RetryBaseDelay must be a positive duration (e.g. 00:00:01), got '{options.RetryBaseDelay}'.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Grafana:RequestTimeout must be a positive duration (e.g. 00:00:30), got '{options.RequestTimeout}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex UidPattern();
}
