using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.GoogleHealth.Grants;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tokens;

/// <summary>
/// Google OAuth 2.0 authorization code with PKCE (S256), <c>access_type=offline</c> and <c>prompt=consent</c> so a
/// refresh token is issued, for the three read scopes and the optional settings scope. Google lets the person tick
/// them one by one: completing stores the pair with the scopes Google granted and the Health user id from
/// <c>users/me/identity</c> (push notifications name users only by it), logs each data kind left out with how to grant
/// it, refuses a consent that granted no data at all, and takes the person's time zone from their settings.
/// </summary>
internal sealed class GoogleAuthorizationFlow(
    GoogleTokenClient tokenClient,
    GoogleHealthApiClient client,
    GoogleGrants grants,
    GoogleTimeZone timeZone,
    ITokenStore tokens,
    IOptions<FitbitOptions> options,
    TimeProvider time,
    ILogger<GoogleAuthorizationFlow> logger) : IAuthorizationFlow
{
    public static IReadOnlyList<string> Scopes => GoogleScopes.Requested;

    public string Provider => ProviderNames.Fitbit;

    public AuthorizationStart Begin(string userId, Uri redirectUri, bool demo)
    {
        var o = options.Value;
        if (LegacyFitbitApi.IsLegacy(o.AuthorizeUrl))
        {
            throw new InvalidOperationException(LegacyFitbitApi.SwitchedOff);
        }

        var state = Base64Url(RandomNumberGenerator.GetBytes(24));
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(48));
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = o.ClientId,
            ["redirect_uri"] = redirectUri.ToString(),
            ["scope"] = string.Join(' ', Scopes),
            ["state"] = state,
            ["access_type"] = "offline",
            ["prompt"] = "consent",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        };
        return new AuthorizationStart(new Uri(QueryHelpers.AddQueryString(o.AuthorizeUrl.ToString(), query)), redirectUri, state, verifier);
    }

    public async Task<ProviderConnection> CompleteAsync(string userId, string code, AuthorizationStart started, CancellationToken cancellationToken)
    {
        var result = await tokenClient.ExchangeCodeAsync(code, started.RedirectUri, started.CodeVerifier ?? string.Empty, cancellationToken);
        if (result.Token is not { } token)
        {
            throw new ReauthorizationRequiredException(userId, Provider, result.InvalidGrantReason ?? "Google refused the authorization code");
        }

        if (string.IsNullOrEmpty(token.RefreshToken))
        {
            throw new ReauthorizationRequiredException(userId, Provider, "Google issued no refresh token; remove the app at myaccount.google.com/connections and authorise again");
        }

        // A token answer without a scope was granted what was asked (RFC 6749 §5.1).
        token = token with { Scope = token.Scope ?? string.Join(' ', Scopes) };
        if (!GoogleScopes.Data.Any(GoogleScopes.Granted(token).Contains))
        {
            throw new ReauthorizationRequiredException(userId, Provider,
                $"the consent granted none of the data permissions ({string.Join(", ", GoogleScopes.Data.Select(GoogleScopes.Permission))}); authorise again and tick them");
        }

        var authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken).ToString();
        var healthUserId = await GetHealthUserIdAsync(authorization, cancellationToken);
        await tokens.SaveTokenAsync(userId, Provider, token with { ProviderUserId = healthUserId }, cancellationToken);
        Log.Authorized(logger, userId, healthUserId);
        var connection = await tokens.GetAsync(userId, Provider, cancellationToken)
            ?? throw new InvalidOperationException($"The token of '{userId}' was saved but cannot be read back.");
        foreach (var missing in grants.NotGranted(connection))
        {
            Log.NotGranted(logger, userId, missing.DataKind, missing.Remedy);
        }

        await timeZone.ReadAtConsentAsync(userId, token, cancellationToken);
        return connection;
    }

    private async Task<string> GetHealthUserIdAsync(string authorization, CancellationToken cancellationToken)
    {
        using var http = await client.Api().GetIdentityAsync(authorization, cancellationToken);
        if (!http.IsSuccessStatusCode)
        {
            throw new GoogleHealthApiException("identity", await GoogleHealthResponse.ReadAsync(http, time, cancellationToken));
        }

        var identity = await http.Content.ReadFromJsonAsync(GoogleHealthJsonContext.Default.IdentityDto, cancellationToken);
        return identity?.HealthUserId is { Length: > 0 } id ? id : throw new InvalidOperationException("Google Health's identity answer carries no healthUserId.");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
