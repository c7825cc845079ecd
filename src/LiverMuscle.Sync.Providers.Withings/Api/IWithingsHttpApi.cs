using Refit;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// The Withings Public API: one URL per service, the verb in <c>action</c>, form-encoded POSTs. Answers are read
/// raw because errors come as HTTP 200 with a status in the body, and gateways may answer HTML.
/// </summary>
public interface IWithingsHttpApi
{
    [Post("/v2/oauth2")]
    Task<HttpResponseMessage> OAuth2Async([Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/measure")]
    Task<HttpResponseMessage> MeasureAsync([Header("Authorization")] string authorization, [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/v2/measure")]
    Task<HttpResponseMessage> MeasureV2Async([Header("Authorization")] string authorization, [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/notify")]
    Task<HttpResponseMessage> NotifyAsync([Header("Authorization")] string authorization, [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form, CancellationToken cancellationToken);
}
