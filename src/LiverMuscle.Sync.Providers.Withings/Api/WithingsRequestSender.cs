using LiverMuscle.Sync.Providers.Budget;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// Sends one Withings request inside the application's request budget through the retry pipeline, and holds the
/// whole budget for a window after a rate-limit answer (the limit is per application).
/// </summary>
public sealed class WithingsRequestSender(
    IWithingsHttpApi api,
    IRequestBudget budget,
    WithingsResiliencePipeline pipeline,
    ProviderRateLimit limit,
    TimeProvider time,
    ILogger<WithingsRequestSender> logger)
{
    private const int MaxRateLimitedAttempts = 10;

    /// <summary>A token-endpoint call (no bearer token; counts against the application's budget).</summary>
    public Task<WithingsResponse> SendTokenRequestAsync(IDictionary<string, string> form, CancellationToken cancellationToken) =>
        SendAsync(string.Empty, form, api.OAuth2Async, new RequestTally(), cancellationToken);

    public async Task<WithingsResponse> SendAsync(
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

            var retryAt = time.GetUtcNow() + limit.Window;
            Log.RateLimited(logger, action, retryAt);
            budget.Penalize(ProviderNames.Withings, userId, retryAt);
        }
    }
}
