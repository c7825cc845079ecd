using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// Nothing to check while provisioning is off (no <c>Url</c>); otherwise the attribute rules of the options and their
/// datasource, and the token the URL needs. <c>name</c> is the section's key.
/// </summary>
internal sealed class GrafanaOptionsValidator : IValidateOptions<GrafanaOptions>
{
    public ValidateOptionsResult Validate(string? name, GrafanaOptions options)
    {
        if (options.Url is null)
        {
            return ValidateOptionsResult.Success;
        }

        var result = new ValidateOptionsResultBuilder();
        result.AddResult(new GrafanaOptionsAttributes().Validate(name, options));
        if (string.IsNullOrWhiteSpace(options.ServiceAccountToken))
        {
            result.AddError($"{name}:ServiceAccountToken is required when {name}:Url is set (a service-account token with the Admin role, or Editor when the datasource exists).");
        }

        result.AddResult(new GrafanaDatasourceOptionsAttributes().Validate($"{name}:Datasource", options.Datasource));
        return result.Build();
    }
}
