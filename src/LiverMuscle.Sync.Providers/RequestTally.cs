namespace LiverMuscle.Sync.Providers;

/// <summary>Counts the HTTP requests a run sent, every attempt included (retries, the resend after a token refresh).</summary>
public sealed class RequestTally
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
