using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Push;

/// <summary>
/// A bounded, coalescing queue: one waiting trigger per (person, provider, data kind), widened by every further
/// notification for it, at most <see cref="PushOptions.QueueCapacity"/> of them, and each key handed out at most once
/// per <see cref="PushOptions.TriggerInterval"/>, so a burst of notifications costs a sync or two, not one each.
/// Enqueueing never blocks. One reader.
/// </summary>
internal sealed class SyncTriggerQueue(IOptions<PushOptions> options, TimeProvider time) : ISyncTriggerQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, SyncTrigger> _waiting = [];
    private readonly List<Key> _order = [];
    private readonly Dictionary<Key, DateTimeOffset> _handedOut = [];
    private TaskCompletionSource _arrived = NewSignal();

    public SyncTriggerAdmission Enqueue(SyncTrigger trigger)
    {
        var key = new Key(trigger.UserId, trigger.Provider, trigger.DataKind);
        lock (_gate)
        {
            if (_waiting.TryGetValue(key, out var waiting))
            {
                _waiting[key] = waiting.Merge(trigger);
                return SyncTriggerAdmission.Merged;
            }

            if (_waiting.Count >= options.Value.QueueCapacity)
            {
                return SyncTriggerAdmission.Full;
            }

            _waiting[key] = trigger;
            _order.Add(key);
            _arrived.TrySetResult();
            _arrived = NewSignal();
            return SyncTriggerAdmission.Queued;
        }
    }

    public async IAsyncEnumerable<SyncTrigger> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            SyncTrigger? due;
            TimeSpan? wait;
            Task arrived;
            lock (_gate)
            {
                (due, wait) = TakeDue(time.GetUtcNow());
                arrived = _arrived.Task;
            }

            if (due is not null)
            {
                yield return due;
                continue;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var elapsed = Task.Delay(wait ?? Timeout.InfiniteTimeSpan, time, stop.Token);
            await Task.WhenAny(arrived, elapsed);
            await stop.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The first waiting trigger whose key may run again, or how long until the earliest one may.</summary>
    private (SyncTrigger? Due, TimeSpan? Wait) TakeDue(DateTimeOffset now)
    {
        var interval = options.Value.TriggerInterval;
        foreach (var (key, at) in _handedOut.Where(h => h.Value + interval <= now).ToList())
        {
            _handedOut.Remove(key);
        }

        TimeSpan? wait = null;
        foreach (var key in _order)
        {
            if (!_handedOut.TryGetValue(key, out var at))
            {
                var trigger = _waiting[key];
                _waiting.Remove(key);
                _order.Remove(key);
                _handedOut[key] = now;
                return (trigger, null);
            }

            var left = at + interval - now;
            wait = wait is { } shortest && shortest < left ? shortest : left;
        }

        return (null, wait);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly record struct Key(string UserId, string Provider, string? DataKind);
}
