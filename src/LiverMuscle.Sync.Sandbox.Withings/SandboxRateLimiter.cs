namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>Requests per application in any sliding 60-second window; beyond the limit the answer is status 601.</summary>
internal sealed class SandboxRateLimiter(int perMinute, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _recent = new();

    public bool TryAcquire()
    {
        lock (_recent)
        {
            var now = time.GetUtcNow();
            while (_recent.Count > 0 && _recent.Peek() + TimeSpan.FromMinutes(1) <= now)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= perMinute)
            {
                return false;
            }

            _recent.Enqueue(now);
            return true;
        }
    }
}
