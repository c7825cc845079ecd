using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>
/// Headers on every answer: a Content-Security-Policy allowing only this origin (no inline script or style, no
/// framing), no referrer (invite and OAuth URLs carry secrets), no MIME sniffing, and no caching of health data.
/// Consent pages are reached by plain links, so <c>form-action</c> stays <c>'self'</c>.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments(ConsoleAssets.PathPrefix, StringComparison.Ordinal))
        {
            // As antiforgery sets them on pages with forms.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }

        return next(context);
    }
}
