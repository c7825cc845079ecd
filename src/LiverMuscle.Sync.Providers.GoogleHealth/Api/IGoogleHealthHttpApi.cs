using LiverMuscle.Sync.Providers.Requests;
using Refit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>
/// The Google Health API v4 calls the connector makes. Lists always use the <c>users/me</c> parent (a numeric
/// parent is refused). Answers are read raw: errors come in Google's JSON envelope and a page's points are
/// parsed one by one so one malformed point cannot spoil the page. A list names its user and the run's tally; the
/// request path adds the user's token.
/// </summary>
internal interface IGoogleHealthHttpApi
{
    [Get("/v4/users/me/dataTypes/{dataType}/dataPoints")]
    Task<HttpResponseMessage> ListDataPointsAsync(
        string dataType,
        [Query] string? filter,
        [Query] int? pageSize,
        [Query] string? pageToken,
        [Property(ProviderRequestOptions.UserKey)] string userId,
        [Property(ProviderRequestOptions.TallyKey)] RequestTally tally,
        CancellationToken cancellationToken);

    /// <summary>The user's settings (their time zone); needs the settings scope.</summary>
    [Get("/v4/users/me/settings")]
    Task<HttpResponseMessage> GetSettingsAsync(
        [Property(ProviderRequestOptions.UserKey)] string userId,
        [Property(ProviderRequestOptions.TallyKey)] RequestTally tally,
        CancellationToken cancellationToken);

    /// <summary>With a token that is not stored yet (right after the code exchange), so it is passed explicitly.</summary>
    [Get("/v4/users/me/identity")]
    Task<HttpResponseMessage> GetIdentityAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken);

    /// <summary>The settings with a token that is not stored yet (right after the code exchange).</summary>
    [Get("/v4/users/me/settings")]
    Task<HttpResponseMessage> GetSettingsAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken);
}
