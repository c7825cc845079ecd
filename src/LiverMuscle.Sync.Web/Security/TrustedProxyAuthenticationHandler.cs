using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>The operator as named by a trusted reverse proxy's header, on every request; no cookie is involved.</summary>
internal sealed class TrustedProxyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TrustedProxies proxies) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(proxies.UserOf(Context) is { } user
            ? AuthenticateResult.Success(new AuthenticationTicket(ConsoleClaims.Operator(user, Scheme.Name), Scheme.Name))
            : AuthenticateResult.NoResult());
}
