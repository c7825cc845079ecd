using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// A user's Withings data calls through the request path (budget, token, one refresh after an invalid-token
/// answer, retries, the rate-limit hold). The HTTP client is taken from the factory for every call.
/// </summary>
internal sealed class WithingsApiClient(IHttpClientFactory http)
{
    public const string HttpClientName = "withings";

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
        var api = RestService.ForGenerated<IWithingsHttpApi>(http.CreateClient(HttpClientName), WithingsJsonContext.Default);
        using var answer = await (service switch
        {
            WithingsService.Measure => api.MeasureAsync(form, userId, tally, cancellationToken),
            WithingsService.MeasureV2 => api.MeasureV2Async(form, userId, tally, cancellationToken),
            _ => api.NotifyAsync(form, userId, tally, cancellationToken),
        });
        return await WithingsResponseReader.ReadAsync(answer, cancellationToken);
    }
}
