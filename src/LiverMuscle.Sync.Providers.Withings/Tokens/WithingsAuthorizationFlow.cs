using System.Security.Cryptography;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Withings.Push;
using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Tokens;

/// <summary>
/// Withings' authorization-code flow (no PKCE). <c>mode=demo</c> authorises Withings' demo user. Completing stores
/// the pair with the Withings userid as provider user id, then subscribes to notifications when a public URL is set.
/// </summary>
internal sealed class WithingsAuthorizationFlow(
    WithingsTokenClient tokenClient,
    ITokenStore tokens,
    WithingsNotificationSubscriber subscriber,
    IOptions<WithingsOptions> options,
    ILogger<WithingsAuthorizationFlow> logger) : IAuthorizationFlow
{
    public string Provider => ProviderNames.Withings;

    public AuthorizationStart Begin(string userId, Uri redirectUri, bool demo)
    {
        var o = options.Value;
        var state = Base64Url(RandomNumberGenerator.GetBytes(24));
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = o.ClientId,
            ["state"] = state,
            ["scope"] = o.Scopes,
            ["redirect_uri"] = redirectUri.ToString(),
        };
        if (demo)
        {
            query["mode"] = "demo";
        }

        return new AuthorizationStart(new Uri(QueryHelpers.AddQueryString(o.AuthorizeUrl.ToString(), query)), redirectUri, state, null);
    }

    public async Task<ProviderConnection> CompleteAsync(string userId, string code, AuthorizationStart started, CancellationToken cancellationToken)
    {
        var result = await tokenClient.ExchangeCodeAsync(code, started.RedirectUri, cancellationToken);
        if (result.Token is not { } token)
        {
            throw new ReauthorizationRequiredException(userId, Provider, result.InvalidGrantReason ?? "the authorization code was refused");
        }

        await tokens.SaveTokenAsync(userId, Provider, token, cancellationToken);
        Log.Authorized(logger, userId, token.ProviderUserId ?? "?");
        await subscriber.EnsureSubscribedAsync(userId, cancellationToken);
        return await tokens.GetAsync(userId, Provider, cancellationToken)
            ?? throw new InvalidOperationException($"The token of '{userId}' was saved but cannot be read back.");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
