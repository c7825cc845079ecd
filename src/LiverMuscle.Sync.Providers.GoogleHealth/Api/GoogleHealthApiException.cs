namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>An answer the connector cannot use and must not retry (a 400, or retries exhausted).</summary>
internal sealed class GoogleHealthApiException(string call, GoogleHealthResponse response)
    : Exception($"Google Health {call} failed: {response.Describe()}")
{
    public GoogleHealthResponse Response { get; } = response;
}
