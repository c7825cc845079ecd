using System.Text.Json;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using LiverMuscle.Sync.Providers.Tokens;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// Sends a user's Withings data calls with their access token, refreshing and retrying once after an
/// invalid-token answer.
/// </summary>
public sealed class WithingsApiClient(
    IWithingsHttpApi api,
    WithingsRequestSender sender,
    ITokenManager tokens,
    ILogger<WithingsApiClient> logger)
{
    /// <summary>A data call for <paramref name="userId"/>; throws <see cref="WithingsApiException"/> unless status 0.</summary>
    public async Task<T> CallAsync<T>(string userId, WithingsService service, IDictionary<string, string> form, JsonTypeInfo<T> body, RequestTally tally, CancellationToken cancellationToken)
    {
        var response = await CallAsync(userId, service, form, tally, cancellationToken);
        if (!response.IsOk)
        {
            throw new WithingsApiException(form["action"], response);
        }

        return response.Body.Deserialize(body) ?? throw new WithingsApiException(form["action"], WithingsResponse.NotJson("status 0 without a body"));
    }

    /// <summary>A data call for <paramref name="userId"/>, returning the outcome as a value.</summary>
    public async Task<WithingsResponse> CallAsync(string userId, WithingsService service, IDictionary<string, string> form, RequestTally tally, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(userId, ProviderNames.Withings, cancellationToken);
        var response = await sender.SendAsync(userId, form, (f, ct) => Send(service, token, f, ct), tally, cancellationToken);
        if (response.Kind != WithingsStatusKind.InvalidToken)
        {
            return response;
        }

        Log.TokenRejected(logger, userId, response.Status);
        token = await tokens.RefreshAfterRejectionAsync(userId, ProviderNames.Withings, token, cancellationToken);
        return await sender.SendAsync(userId, form, (f, ct) => Send(service, token, f, ct), tally, cancellationToken);
    }

    private Task<HttpResponseMessage> Send(WithingsService service, string token, IDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var bearer = new AuthenticationHeaderValue("Bearer", token).ToString();
        return service switch
        {
            WithingsService.Measure => api.MeasureAsync(bearer, form, cancellationToken),
            WithingsService.MeasureV2 => api.MeasureV2Async(bearer, form, cancellationToken),
            _ => api.NotifyAsync(bearer, form, cancellationToken),
        };
    }
}
