using LiverMuscle.Sync.Providers.Requests;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>
/// Withings answers by the status in the body: invalid token (401, 100–102, 200) refreshes, 601 (or HTTP 429) holds
/// the application's budget, timeouts, the "an error occurred" family, HTTP 5xx and anything that is not a Withings
/// answer (HTML, empty, cut off) are retried.
/// </summary>
internal sealed class WithingsAnswers : IAnswerClassifier
{
    public async ValueTask<ProviderAnswer> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var answer = await WithingsResponseReader.ReadAsync(response, cancellationToken);
        var kind = answer.Kind switch
        {
            WithingsStatusKind.Ok => AnswerKind.Ok,
            WithingsStatusKind.InvalidToken => AnswerKind.TokenRejected,
            WithingsStatusKind.RateLimited => AnswerKind.RateLimited,
            WithingsStatusKind.Transient or WithingsStatusKind.NotJson => AnswerKind.Transient,
            _ => AnswerKind.Failed,
        };
        return new ProviderAnswer(kind, answer.Describe());
    }
}
