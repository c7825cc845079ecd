using System.Net;
using LiverMuscle.Sync.Infrastructure.Http;

namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>A provider's classification of one answer, with the wait it asked for and a line for the logs.</summary>
public sealed record ProviderAnswer(AnswerKind Kind, string Detail, TimeSpan? RetryAfter = null)
{
    /// <summary>
    /// The classification by HTTP status alone: 2xx usable, 401 a refused token, the shared transient statuses
    /// retried (honouring <c>Retry-After</c>), anything else final.
    /// </summary>
    public static ProviderAnswer FromHttpStatus(HttpResponseMessage response, TimeProvider time)
    {
        var detail = $"HTTP {(int)response.StatusCode}";
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => new ProviderAnswer(AnswerKind.Ok, detail),
            HttpStatusCode.Unauthorized => new ProviderAnswer(AnswerKind.TokenRejected, detail),
            var status when TransientHttpFailure.IsTransient(status) => new ProviderAnswer(AnswerKind.Transient, detail, Infrastructure.Http.RetryAfter.Read(response, time)),
            _ => new ProviderAnswer(AnswerKind.Failed, detail),
        };
    }
}
