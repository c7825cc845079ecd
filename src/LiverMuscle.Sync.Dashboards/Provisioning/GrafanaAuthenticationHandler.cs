using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>Adds <c>Authorization: Bearer &lt;service-account token&gt;</c> to every request.</summary>
internal sealed class GrafanaAuthenticationHandler(IOptions<GrafanaOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.ServiceAccountToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
