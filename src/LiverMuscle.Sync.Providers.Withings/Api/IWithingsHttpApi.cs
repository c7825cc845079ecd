using LiverMuscle.Sync.Providers.Requests;
using Refit;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// The Withings data services: one URL per service, the verb in <c>action</c>, form-encoded POSTs. Answers are read
/// raw because errors come as HTTP 200 with a status in the body, and gateways may answer HTML. The user and the
/// run's tally travel in the request options; the request path adds the user's token.
/// </summary>
internal interface IWithingsHttpApi
{
    [Post("/measure")]
    Task<HttpResponseMessage> MeasureAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        [Property(ProviderRequestOptions.UserKey)] string userId,
        [Property(ProviderRequestOptions.TallyKey)] RequestTally tally,
        CancellationToken cancellationToken);

    [Post("/v2/measure")]
    Task<HttpResponseMessage> MeasureV2Async(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        [Property(ProviderRequestOptions.UserKey)] string userId,
        [Property(ProviderRequestOptions.TallyKey)] RequestTally tally,
        CancellationToken cancellationToken);

    [Post("/notify")]
    Task<HttpResponseMessage> NotifyAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        [Property(ProviderRequestOptions.UserKey)] string userId,
        [Property(ProviderRequestOptions.TallyKey)] RequestTally tally,
        CancellationToken cancellationToken);
}
