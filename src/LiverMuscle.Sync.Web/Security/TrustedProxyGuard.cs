using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>Refuses (403) a request carrying the trusted user header that does not come from a trusted proxy.</summary>
internal sealed class TrustedProxyGuard(RequestDelegate next, TrustedProxies proxies, ILogger<TrustedProxyGuard> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (proxies.Carries(context.Request) && !proxies.IsTrusted(context.Connection.RemoteIpAddress))
        {
            Log.ProxyHeaderRefused(logger, proxies.Header!, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("The authenticated-user header is only accepted from the configured reverse proxy.");
        }

        return next(context);
    }
}
