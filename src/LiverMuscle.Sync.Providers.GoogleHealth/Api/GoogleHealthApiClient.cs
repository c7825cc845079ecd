using System.Net;
using System.Net.Http.Json;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>
/// A user's Google Health calls through the request path (the user's budget, their token with one refresh after a
/// 401, retries). A 403 for a missing scope concerns that data type only: the token is refreshed, so the stored grant
/// learns the narrowed scope from Google's answer, and <see cref="ScopeNotGrantedException"/> skips the type. A 401
/// after that refresh, any other 403 (access withdrawn, API disabled) or a 410 from the switched-off Fitbit Web API
/// marks the connection "needs re-authorisation" with the likely cause. The HTTP client is taken from the factory
/// for every call.
/// </summary>
internal sealed class GoogleHealthApiClient(
    IHttpClientFactory http,
    ITokenManager tokens,
    ITokenStore store,
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
            case HttpStatusCode.Forbidden when IsMissingScope(response):
                Log.ScopeRefused(logger, userId, dataType, response.Describe());
                await RelearnGrantAsync(userId, cancellationToken);
                throw new ScopeNotGrantedException(dataType, response);
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

    /// <summary>The IANA time zone of the user's settings; null when the settings scope is not granted.</summary>
    public async Task<string?> GetTimeZoneAsync(string userId, RequestTally tally, CancellationToken cancellationToken)
    {
        using var answer = await Api().GetSettingsAsync(userId, tally, cancellationToken);
        return await TimeZoneOfAsync(answer, cancellationToken);
    }

    /// <summary>The time zone with a token not stored yet (at consent); null when the settings scope is not granted.</summary>
    public async Task<string?> GetTimeZoneWithAsync(string authorization, CancellationToken cancellationToken)
    {
        using var answer = await Api().GetSettingsAsync(authorization, cancellationToken);
        return await TimeZoneOfAsync(answer, cancellationToken);
    }

    private async Task<string?> TimeZoneOfAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        if (answer.IsSuccessStatusCode)
        {
            return (await answer.Content.ReadFromJsonAsync(GoogleHealthJsonContext.Default.SettingsDto, cancellationToken))?.TimeZone is { Length: > 0 } zone ? zone : null;
        }

        var response = await GoogleHealthResponse.ReadAsync(answer, time, cancellationToken);
        return response.Status == HttpStatusCode.Forbidden && IsMissingScope(response) ? null : throw new GoogleHealthApiException("settings", response);
    }

    /// <summary>Refreshes the token the refusal was for: Google's answer carries the scopes the grant still has.</summary>
    private async Task RelearnGrantAsync(string userId, CancellationToken cancellationToken)
    {
        if ((await store.GetAsync(userId, ProviderNames.Fitbit, cancellationToken))?.Token is { } token)
        {
            await tokens.RefreshAfterRejectionAsync(userId, ProviderNames.Fitbit, token.AccessToken, cancellationToken);
        }
    }

    private async Task StopAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        await tokens.MarkNeedsReauthorizationAsync(userId, ProviderNames.Fitbit, reason, cancellationToken);
        throw new ReauthorizationRequiredException(userId, ProviderNames.Fitbit, reason);
    }

    private static bool IsMissingScope(GoogleHealthResponse response) => response.Error?.Reason is "ACCESS_TOKEN_SCOPE_INSUFFICIENT" or "MISSING_OAUTH_SCOPE";

    private static string ForbiddenReason(GoogleHealthResponse response) => response.Error?.Reason switch
    {
        "DISALLOWED_OAUTH_SCOPES" =>
            $"the grant contains the cloud-platform scope, which Google Health refuses for user data ({response.Describe()}); authorise again",
        "SERVICE_DISABLED" =>
            $"the Google Health API is not enabled in the Google Cloud project of Fitbit:ClientId ({response.Describe()})",
        _ => $"Google Health denied access ({response.Describe()}); remove the app at myaccount.google.com/connections and authorise again",
    };
}
