using LiverMuscle.Sync.Providers.Requests;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>
/// Google Health answers by HTTP status: 401 refreshes, 429, 500, 502, 503 and 504 are retried after the wait Google
/// named (<c>Retry-After</c>, else <c>RetryInfo</c> in the error envelope) or with backoff, other answers are final
/// (the client turns 403 and 410 into "needs re-authorisation").
/// </summary>
internal sealed class GoogleHealthAnswers(TimeProvider time) : IAnswerClassifier
{
    public async ValueTask<ProviderAnswer> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var answer = ProviderAnswer.FromHttpStatus(response, time);
        if (answer.Kind is AnswerKind.Ok)
        {
            return answer;
        }

        var read = await GoogleHealthResponse.ReadAsync(response, time, cancellationToken);
        return answer with { Detail = read.Describe(), RetryAfter = read.RetryAfter };
    }
}
