using System.Text.Json;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Tokens;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// Sends Withings calls inside the shared request budget, with the user's access token, the retry pipeline, one
/// refresh-and-retry after an invalid-token answer, and a hold of the whole budget after a rate-limit answer.
/// </summary>
public sealed class WithingsApiClient(
    IWithingsHttpApi api,
    IRequestBudget budget,
    ITokenManager tokens,
    WithingsResiliencePipeline pipeline,
    ProviderRateLimit limit,
    TimeProvider time,
    ILogger<WithingsApiClient> logger)
{
    private const int MaxRateLimitedAttempts = 10;

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
        var response = await SendAsync(userId, form, (f, ct) => Send(service, token, f, ct), tally, cancellationToken);
        if (response.Kind != WithingsStatusKind.InvalidToken)
        {
            return response;
        }

        Log.TokenRejected(logger, userId, response.Status);
        token = await tokens.RefreshAfterRejectionAsync(userId, ProviderNames.Withings, token, cancellationToken);
        return await SendAsync(userId, form, (f, ct) => Send(service, token, f, ct), tally, cancellationToken);
    }

    /// <summary>A token-endpoint call (no bearer token; counts against the application's budget).</summary>
    public Task<WithingsResponse> CallTokenEndpointAsync(IDictionary<string, string> form, CancellationToken cancellationToken) =>
        SendAsync(string.Empty, form, api.OAuth2Async, new RequestTally(), cancellationToken);

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

    private async Task<WithingsResponse> SendAsync(
        string userId,
        IDictionary<string, string> form,
        Func<IDictionary<string, string>, CancellationToken, Task<HttpResponseMessage>> send,
        RequestTally tally,
        CancellationToken cancellationToken)
    {
        var action = form.TryGetValue("action", out var a) ? a : "?";
        for (var attempt = 1; ; attempt++)
        {
            var response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    await budget.AcquireAsync(ProviderNames.Withings, userId, ct);
                    tally.Add();
                    using var http = await send(form, ct);
                    var parsed = await WithingsResponseReader.ReadAsync(http, ct);
                    if (parsed.Kind is WithingsStatusKind.Transient or WithingsStatusKind.NotJson)
                    {
                        Log.TransientAnswer(logger, action, parsed.Describe());
                    }

                    return parsed;
                },
                cancellationToken);

            if (response.Kind != WithingsStatusKind.RateLimited || attempt >= MaxRateLimitedAttempts)
            {
                return response;
            }

            // The limit is per application: every request waits until the provider's window has passed.
            var retryAt = time.GetUtcNow() + limit.Window;
            Log.RateLimited(logger, action, retryAt);
            budget.Penalize(ProviderNames.Withings, userId, retryAt);
        }
    }
}
