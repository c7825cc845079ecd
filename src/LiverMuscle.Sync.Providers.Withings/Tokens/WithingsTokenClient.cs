using System.Text.Json;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Withings.Api;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Tokens;

/// <summary>
/// <c>POST {Withings:TokenUrl} action=requesttoken</c> with the client secret, inside the application's budget and
/// through the retries of the request path. Status 503 ("Invalid Params: invalid refresh_token / invalid code")
/// means the grant is gone: a value, not an exception. Other failures throw.
/// </summary>
internal sealed class WithingsTokenClient(IHttpClientFactory http, IOptions<WithingsOptions> options, TimeProvider time) : IOAuthTokenClient
{
    public const string HttpClientName = "withings-token";

    public string Provider => ProviderNames.Withings;

    public Task<TokenGrantResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    public Task<TokenGrantResult> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken) =>
        RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(),
        }, cancellationToken);

    private async Task<TokenGrantResult> RequestAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var o = options.Value;
        form["action"] = "requesttoken";
        form["client_id"] = o.ClientId;
        form["client_secret"] = o.ClientSecret;
        using var content = new FormUrlEncodedContent(form);
        using var answer = await http.CreateClient(HttpClientName).PostAsync(o.ResolvedTokenUrl, content, cancellationToken);
        var response = await WithingsResponseReader.ReadAsync(answer, cancellationToken);
        if (response.Status == WithingsStatus.InvalidParams)
        {
            return TokenGrantResult.InvalidGrant($"Withings refused the grant ({response.Error ?? "status 503"})");
        }

        if (!response.IsOk)
        {
            throw new WithingsApiException("requesttoken", response);
        }

        var body = response.Body.Deserialize(WithingsJsonContext.Default.TokenBody)
            ?? throw new WithingsApiException("requesttoken", WithingsResponse.NotJson("status 0 without a body"));
        return TokenGrantResult.Success(new OAuthToken(
            body.AccessToken,
            body.RefreshToken,
            time.GetUtcNow() + TimeSpan.FromSeconds(body.ExpiresIn),
            body.Scope,
            body.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
