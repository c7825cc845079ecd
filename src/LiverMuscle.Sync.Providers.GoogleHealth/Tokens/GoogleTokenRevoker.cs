using System.Net;
using System.Net.Http.Json;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tokens;

/// <summary>
/// Revokes a person's Google grant at <see cref="FitbitOptions.RevokeUrl"/> (<c>POST token=…</c>, form-encoded):
/// revoking the refresh token ends the grant and every access token issued from it. Google answers 200, or 400
/// <c>invalid_token</c> when the grant is already gone.
/// </summary>
internal sealed class GoogleTokenRevoker(ITokenStore tokens, IHttpClientFactory clients, IOptions<FitbitOptions> options) : ITokenRevoker
{
    public string Provider => ProviderNames.Fitbit;

    public async Task<RevocationResult> RevokeAsync(string personId, CancellationToken cancellationToken)
    {
        if ((await tokens.GetAsync(personId, Provider, cancellationToken))?.Token is not { } token)
        {
            return RevocationResult.Done(Provider, "no Google grant stored, nothing to revoke");
        }

        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.RequestTimeout);
        try
        {
            using var http = clients.CreateClient(nameof(GoogleTokenRevoker));
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = string.IsNullOrEmpty(token.RefreshToken) ? token.AccessToken : token.RefreshToken,
            });
            using var response = await http.PostAsync(o.RevokeUrl, form, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return RevocationResult.Done(Provider, "Google revoked the grant");
            }

            if (response.StatusCode == HttpStatusCode.BadRequest && await ErrorAsync(response, timeout.Token) == "invalid_token")
            {
                return RevocationResult.Done(Provider, "the grant was already revoked or expired at Google");
            }

            return RevocationResult.Failed(Provider, $"Google's revocation endpoint answered {(int)response.StatusCode}; remove the app at myaccount.google.com/connections");
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return RevocationResult.Failed(Provider, $"Google's revocation endpoint could not be reached ({e.Message}); remove the app at myaccount.google.com/connections");
        }
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync(GoogleHealthJsonContext.Default.TokenResponseDto, cancellationToken))?.Error;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
