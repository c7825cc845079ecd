using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Http;

/// <summary>Basic auth for 1.x, <c>Authorization: Token</c> for the 2.x/3.x compatibility APIs.</summary>
internal sealed class InfluxAuthenticationHandler(IOptions<InfluxDbOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.ApiFlavor != InfluxApiFlavor.V1 && !string.IsNullOrEmpty(o.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", o.Token);
        }
        else if (!string.IsNullOrEmpty(o.Username) || !string.IsNullOrEmpty(o.Password) || !string.IsNullOrEmpty(o.Token))
        {
            var credentials = $"{o.Username ?? "livermuscle"}:{o.Password ?? o.Token}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
