using System.Net;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web;

/// <summary>The attribute rules, and that a trusted header comes with proxy addresses that are IP addresses. <c>name</c> is the section's key.</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        result.AddResult(new ConsoleOptionsAttributes().Validate(name, options));
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.TrustedProxies[i], out _))
            {
                result.AddError($"{name}:TrustedProxies:{i} must be an IP address (e.g. 127.0.0.1 or ::1), got '{options.TrustedProxies[i]}'.");
            }
        }

        if (!string.IsNullOrEmpty(options.TrustedUserHeader) && options.TrustedProxies.Count == 0)
        {
            result.AddError($"{name}:TrustedProxies must name the reverse proxy's address when {name}:TrustedUserHeader is set.");
        }

        return result.Build();
    }
}
