using System.Net;
using LiverMuscle.Sync.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web;

public static class WebConsoleEndpointExtensions
{
    /// <summary>
    /// The console's middleware and pages on the worker's listener: security headers on every answer, the trusted
    /// proxy's <c>X-Forwarded-Proto</c> (so cookies are Secure behind HTTPS), authentication, the sign-in rate limit, the
    /// upload size cap.
    /// </summary>
    public static WebApplication MapWebConsole(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        app.UseMiddleware<SecurityHeaders>();
        if (options.TrustedProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<TrustedProxyGuard>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<UploadSizeCap>();
        app.MapRazorPages();
        ConsoleAssets.Map(app);
        return app;
    }
}
