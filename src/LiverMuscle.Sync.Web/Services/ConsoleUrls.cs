using LiverMuscle.Sync.Providers.Push;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>
/// Absolute addresses the console hands out: OAuth redirects and invite links, on <c>Sync:Push:PublicUrl</c> when
/// set, else on the listen URL (which only this machine reaches).
/// </summary>
internal sealed class ConsoleUrls(IOptionsMonitor<PushOptions> push)
{
    public Uri Base => push.CurrentValue.PublicUrl ?? push.CurrentValue.ListenUrl;

    public Uri OAuthCallback(string provider) => new(Base, $"oauth/{Uri.EscapeDataString(provider)}/callback");

    public Uri Invite(string personId, string token) => new(Base, $"invite/{Uri.EscapeDataString(personId)}/{Uri.EscapeDataString(token)}");
}
