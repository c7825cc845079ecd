namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>The innermost step of the request path: buffers each answer and records the provider's classification of it.</summary>
internal sealed class ClassifyingHandler(IAnswerClassifier classifier) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        request.Options.Set(ProviderRequestOptions.Answer, await classifier.ClassifyAsync(response, cancellationToken));
        return response;
    }
}
