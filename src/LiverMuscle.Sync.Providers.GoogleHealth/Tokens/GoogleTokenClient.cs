using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tokens;

/// <summary>
/// Google's token endpoint: code exchange (with the PKCE verifier) and refresh. Google does not rotate refresh
/// tokens: a refresh answer usually carries none, and the stored one stays. <c>invalid_grant</c> means the grant is
/// gone (revoked, unused for six months, or — most often — a consent screen left in Testing mode, whose refresh
/// tokens die after 7 days): a value, not an exception.
/// </summary>
internal sealed class GoogleTokenClient(IHttpClientFactory http, IOptions<FitbitOptions> options, TimeProvider time) : IOAuthTokenClient
{
    public const string HttpClientName = "fitbit-token";

    public const string TestingModeHint = "if the Google Cloud consent screen is in Testing mode, refresh tokens expire after 7 days: publish the app (In production) and authorise again";

    public string Provider => ProviderNames.Fitbit;

    public Task<TokenGrantResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    public Task<TokenGrantResult> ExchangeCodeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(),
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    private async Task<TokenGrantResult> RequestAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (LegacyFitbitApi.IsLegacy(o.TokenUrl))
        {
            return TokenGrantResult.InvalidGrant(LegacyFitbitApi.SwitchedOff);
        }

        form["client_id"] = o.ClientId;
        form["client_secret"] = o.ClientSecret;
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.CreateClient(HttpClientName).PostAsync(o.TokenUrl, content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            return TokenGrantResult.InvalidGrant(LegacyFitbitApi.SwitchedOff);
        }

        TokenResponseDto? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(GoogleHealthJsonContext.Default.TokenResponseDto, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new HttpRequestException($"Google's token endpoint answered {(int)response.StatusCode} with a body that is not JSON: {e.Message}", e, response.StatusCode);
        }

        if (body?.Error == "invalid_grant")
        {
            return TokenGrantResult.InvalidGrant($"Google refused the grant ({body.ErrorDescription ?? "invalid_grant"}); {TestingModeHint}");
        }

        if (!response.IsSuccessStatusCode || body?.AccessToken is not { Length: > 0 } access)
        {
            var error = body?.Error is { } e ? $"{e}: {body.ErrorDescription}" : $"HTTP {(int)response.StatusCode}";
            throw body?.Error == "invalid_client"
                ? new InvalidOperationException($"Google refused Fitbit:ClientId / Fitbit:ClientSecret ({error}).")
                : new HttpRequestException($"Google's token endpoint failed ({error}).", null, response.StatusCode);
        }

        return TokenGrantResult.Success(new OAuthToken(
            access,
            body.RefreshToken ?? string.Empty,
            time.GetUtcNow() + TimeSpan.FromSeconds(body.ExpiresIn ?? 3600),
            body.Scope,
            null));
    }
}
