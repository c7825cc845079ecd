using System.Net;
using System.Net.Http.Headers;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>
/// A user's Google Health calls: inside the user's request budget, with their access token, through the retry
/// pipeline. A 401 refreshes the token and retries once; a 403 (scope missing, access withdrawn, API disabled) or a
/// 410 from the switched-off Fitbit Web API marks the connection "needs re-authorisation" with the likely cause.
/// </summary>
public sealed class GoogleHealthApiClient(
    IGoogleHealthHttpApi api,
    IRequestBudget budget,
    GoogleHealthResiliencePipeline pipeline,
    ITokenManager tokens,
    IOptions<FitbitOptions> options,
    TimeProvider time,
    ILogger<GoogleHealthApiClient> logger)
{
    public async Task<GoogleHealthResponse> ListDataPointsAsync(string userId, string dataType, string filter, int pageSize, string? pageToken, RequestTally tally, CancellationToken cancellationToken)
    {
        if (LegacyFitbitApi.IsLegacy(options.Value.ApiBaseUrl))
        {
            Log.LegacyConfiguration(logger, options.Value.ApiBaseUrl);
            await StopAsync(userId, LegacyFitbitApi.SwitchedOff, cancellationToken);
        }

        var call = $"list {dataType}";
        var token = await tokens.GetAccessTokenAsync(userId, ProviderNames.Fitbit, cancellationToken);
        var response = await SendAsync(userId, call, ct => api.ListDataPointsAsync(Bearer(token), dataType, filter, pageSize, pageToken, ct), tally, cancellationToken);
        if (response.Status == HttpStatusCode.Unauthorized)
        {
            Log.TokenRejected(logger, userId);
            token = await tokens.RefreshAfterRejectionAsync(userId, ProviderNames.Fitbit, token, cancellationToken);
            response = await SendAsync(userId, call, ct => api.ListDataPointsAsync(Bearer(token), dataType, filter, pageSize, pageToken, ct), tally, cancellationToken);
        }

        switch (response.Status)
        {
            case HttpStatusCode.Unauthorized:
                await StopAsync(userId, $"Google refused a freshly refreshed access token ({response.Describe()}); authorise again", cancellationToken);
                break;
            case HttpStatusCode.Forbidden:
                await StopAsync(userId, ForbiddenReason(response), cancellationToken);
                break;
            case HttpStatusCode.Gone:
                Log.LegacyConfiguration(logger, options.Value.ApiBaseUrl);
                await StopAsync(userId, LegacyFitbitApi.SwitchedOff, cancellationToken);
                break;
        }

        return response.IsSuccess ? response : throw new GoogleHealthApiException(call, response);
    }

    private async Task<GoogleHealthResponse> SendAsync(string userId, string call, Func<CancellationToken, Task<HttpResponseMessage>> send, RequestTally tally, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            async ct =>
            {
                await budget.AcquireAsync(ProviderNames.Fitbit, userId, ct);
                tally.Add();
                using var http = await send(ct);
                var response = await GoogleHealthResponse.ReadAsync(http, time.GetUtcNow(), ct);
                if (GoogleHealthResiliencePipeline.IsRetryable(Polly.Outcome.FromResult(response), ct))
                {
                    Log.TransientAnswer(logger, call, userId, response.Describe());
                }

                return response;
            },
            cancellationToken);

    private async Task StopAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        await tokens.MarkNeedsReauthorizationAsync(userId, ProviderNames.Fitbit, reason, cancellationToken);
        throw new ReauthorizationRequiredException(userId, ProviderNames.Fitbit, reason);
    }

    private static string ForbiddenReason(GoogleHealthResponse response) => response.Error?.Reason switch
    {
        "ACCESS_TOKEN_SCOPE_INSUFFICIENT" or "MISSING_OAUTH_SCOPE" =>
            $"Google Health refused the request for a missing scope ({response.Describe()}); authorise again and tick every requested permission",
        "DISALLOWED_OAUTH_SCOPES" =>
            $"the grant contains the cloud-platform scope, which Google Health refuses for user data ({response.Describe()}); authorise again",
        "SERVICE_DISABLED" =>
            $"the Google Health API is not enabled in the Google Cloud project of Fitbit:ClientId ({response.Describe()})",
        _ => $"Google Health denied access ({response.Describe()}); remove the app at myaccount.google.com/connections and authorise again",
    };

    private static string Bearer(string token) => new AuthenticationHeaderValue("Bearer", token).ToString();
}
