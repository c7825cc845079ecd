namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>Requests per user in any sliding 60 seconds; refused requests do not count.</summary>
internal sealed class UserRateLimiter(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = [];

    /// <summary>Null when admitted, otherwise how long until a slot frees up.</summary>
    public TimeSpan? TryAcquire(string user)
    {
        lock (_recent)
        {
            var now = time.GetUtcNow();
            if (!_recent.TryGetValue(user, out var queue))
            {
                _recent[user] = queue = new Queue<DateTimeOffset>();
            }

            while (queue.Count > 0 && queue.Peek() + Window <= now)
            {
                queue.Dequeue();
            }

            if (queue.Count >= perMinute)
            {
                return queue.Peek() + Window - now;
            }

            queue.Enqueue(now);
            return null;
        }
    }
}
