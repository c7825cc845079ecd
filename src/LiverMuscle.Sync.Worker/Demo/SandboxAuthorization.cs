using LiverMuscle.Sync.Providers.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>
/// Connects a person at a sandbox through the real OAuth flow; the browser's part is one request, since a sandbox's
/// consent page redirects with a code at once.
/// </summary>
internal static class SandboxAuthorization
{
    /// <summary>Returns the provider's id of the person.</summary>
    public static async Task<string> ConnectAsync(IServiceProvider services, string provider, string userId, CancellationToken cancellationToken)
    {
        var authorization = services.GetRequiredService<AuthorizationService>();
        var started = await authorization.StartAsync(provider, userId, new Uri("http://127.0.0.1/callback"), demo: false, cancellationToken);
#pragma warning disable RS0030 // Plays the person's browser for one consent redirect; it must not share the providers' clients.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
#pragma warning restore RS0030
        using var redirect = await browser.GetAsync(started.AuthorizeUrl ?? throw new InvalidOperationException(started.Error), cancellationToken);
        var location = redirect.Headers.Location ?? throw new InvalidOperationException($"The {provider} sandbox's consent page answered {(int)redirect.StatusCode} without a redirect.");
        var completed = await authorization.CompleteAsync(provider, userId, AuthorizationRedirect.FromUrl(location.AbsoluteUri)!, cancellationToken);
        return completed.Connection?.Token?.ProviderUserId ?? throw new InvalidOperationException(completed.Error);
    }
}
