using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Pipeline.Tests;

/// <summary>Fake time that counts the timers created per due time, so a test knows a loop is waiting before it advances.</summary>
internal sealed class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<TimeSpan, int> _created = new();

    public int Created(TimeSpan dueTime) => _created.GetValueOrDefault(dueTime);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _created.AddOrUpdate(dueTime, 1, (_, count) => count + 1);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
