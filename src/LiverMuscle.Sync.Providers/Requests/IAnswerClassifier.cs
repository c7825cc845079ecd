namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>
/// A provider's reading of its answers (Withings puts the status in the JSON body, Google in the HTTP status and an
/// error envelope). The body is buffered: the classifier may read it, and the caller reads it again.
/// </summary>
public interface IAnswerClassifier
{
    ValueTask<ProviderAnswer> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken);
}
