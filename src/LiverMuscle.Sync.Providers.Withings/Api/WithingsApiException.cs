namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>A Withings call failed for good (after retries, or not retryable): the run cannot continue.</summary>
internal sealed class WithingsApiException(string action, WithingsResponse response)
    : Exception($"Withings {action} failed: {response.Describe()}")
{
    public string Action { get; } = action;

    public WithingsResponse Response { get; } = response;
}
