namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>
/// How a provider's request path retries: transient answers up to <paramref name="MaxRetries"/> times with
/// exponential backoff from <paramref name="RetryBaseDelay"/> (or the wait the answer names), each attempt limited
/// to <paramref name="AttemptTimeout"/>. With <see cref="RateLimitHold"/>, a rate-limit answer holds the provider's
/// whole budget that long (or as long as the answer asks) and sends again, up to <see cref="MaxRateLimitedAttempts"/>.
/// </summary>
public sealed record RequestPathOptions(int MaxRetries, TimeSpan RetryBaseDelay, TimeSpan AttemptTimeout)
{
    public TimeSpan? RateLimitHold { get; init; }

    public int MaxRateLimitedAttempts { get; init; } = 10;
}
