namespace LiverMuscle.Sync.Providers;

/// <summary>Counts the HTTP requests one sync step cost (retries and refreshes included).</summary>
public sealed class RequestTally
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);

    /// <summary>The count since the last call, and restart counting.</summary>
    public int Take() => Interlocked.Exchange(ref _count, 0);
}
