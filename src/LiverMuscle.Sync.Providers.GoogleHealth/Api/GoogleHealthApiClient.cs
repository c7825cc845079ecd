using System.Net;
using LiverMuscle.Sync.Providers.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>
/// A user's Google Health calls through the request path (the user's budget, their token with one refresh after a
/// 401, retries). A 401 after that refresh, a 403 (scope missing, access withdrawn, API disabled) or a 410 from the
/// switched-off Fitbit Web API marks the connection "needs re-authorisation" with the likely cause. The HTTP client
/// is taken from the factory for every call.
/// </summary>
public sealed class GoogleHealthApiClient(
    IHttpClientFactory http,
    ITokenManager tokens,
    IOptions<FitbitOptions> options,
    TimeProvider time,
    ILogger<GoogleHealthApiClient> logger)
{
    public const string HttpClientName = "fitbit";

    public IGoogleHealthHttpApi Api() => RestService.ForGenerated<IGoogleHealthHttpApi>(http.CreateClient(HttpClientName), GoogleHealthJsonContext.Default);

    public async Task<GoogleHealthResponse> ListDataPointsAsync(string userId, string dataType, string filter, int pageSize, string? pageToken, RequestTally tally, CancellationToken cancellationToken)
    {
        if (LegacyFitbitApi.IsLegacy(options.Value.ApiBaseUrl))
        {
            Log.LegacyConfiguration(logger, options.Value.ApiBaseUrl);
            await StopAsync(userId, LegacyFitbitApi.SwitchedOff, cancellationToken);
        }

        using var answer = await Api().ListDataPointsAsync(dataType, filter, pageSize, pageToken, userId, tally, cancellationToken);
        var response = await GoogleHealthResponse.ReadAsync(answer, time, cancellationToken);
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

        return response.IsSuccess ? response : throw new GoogleHealthApiException($"list {dataType}", response);
    }

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
}
