using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tokens;

/// <summary>
/// Google OAuth 2.0 authorization code with PKCE (S256), <c>access_type=offline</c> and <c>prompt=consent</c> so a
/// refresh token is issued, for the three read scopes. Completing stores the pair with the Health user id from
/// <c>users/me/identity</c> (push notifications name users only by it).
/// </summary>
public sealed class GoogleAuthorizationFlow(
    GoogleTokenClient tokenClient,
    GoogleHealthApiClient client,
    ITokenStore tokens,
    IOptions<FitbitOptions> options,
    TimeProvider time,
    ILogger<GoogleAuthorizationFlow> logger) : IAuthorizationFlow
{
    private const string ScopePrefix = "https://www.googleapis.com/auth/googlehealth.";

    public static readonly IReadOnlyList<string> Scopes =
    [
        ScopePrefix + "activity_and_fitness.readonly",
        ScopePrefix + "health_metrics_and_measurements.readonly",
        ScopePrefix + "nutrition.readonly",
    ];

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

        var granted = (token.Scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Scopes.Except(granted, StringComparer.Ordinal).ToList() is { Count: > 0 } missing)
        {
            Log.MissingScopes(logger, userId, string.Join(", ", missing));
        }

        var healthUserId = await GetHealthUserIdAsync(token.AccessToken, cancellationToken);
        await tokens.SaveTokenAsync(userId, Provider, token with { ProviderUserId = healthUserId }, cancellationToken);
        Log.Authorized(logger, userId, healthUserId);
        return await tokens.GetAsync(userId, Provider, cancellationToken)
            ?? throw new InvalidOperationException($"The token of '{userId}' was saved but cannot be read back.");
    }

    private async Task<string> GetHealthUserIdAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var http = await client.Api().GetIdentityAsync(new AuthenticationHeaderValue("Bearer", accessToken).ToString(), cancellationToken);
        if (!http.IsSuccessStatusCode)
        {
            throw new GoogleHealthApiException("identity", await GoogleHealthResponse.ReadAsync(http, time, cancellationToken));
        }

        var identity = await http.Content.ReadFromJsonAsync(GoogleHealthJsonContext.Default.IdentityDto, cancellationToken);
        return identity?.HealthUserId is { Length: > 0 } id ? id : throw new InvalidOperationException("Google Health's identity answer carries no healthUserId.");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
