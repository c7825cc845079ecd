namespace LiverMuscle.Sync.Infrastructure.Http;

/// <summary>The one reader of <c>Retry-After</c>: delta seconds or an HTTP date, as the wait from now.</summary>
public static class RetryAfter
{
    /// <summary>How long the answer asks to wait; null when it does not say, never negative.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } when date - time.GetUtcNow() is var wait => wait < TimeSpan.Zero ? TimeSpan.Zero : wait,
        _ => null,
    };
}
