using System.Collections.Concurrent;
using System.Diagnostics;
using LiverMuscle.Sync.Providers.Budget;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>A fake clock that knows when its earliest live timer is due, so a driver can jump straight to it.</summary>
internal sealed class TimerTrackingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<TrackedTimer, DateTimeOffset> _due = new();
    private long _armed;

    /// <summary>Grows whenever a timer is created or re-armed (not when one fires or is disposed).</summary>
    public long Armed => Interlocked.Read(ref _armed);

    public DateTimeOffset? NextDue()
    {
        var now = GetUtcNow();
        DateTimeOffset? next = null;
        foreach (var due in _due.Values)
        {
            if (due >= now && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(s => { tracked.Fired(period); callback(s); }, state, dueTime, period);
        tracked.Arm(dueTime, counts: true);
        return tracked;
    }

    private sealed class TrackedTimer(TimerTrackingTimeProvider owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public void Arm(TimeSpan dueTime, bool counts)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner._due.TryRemove(this, out _);
            }
            else
            {
                owner._due[this] = owner.GetUtcNow() + dueTime;
            }

            if (counts)
            {
                Interlocked.Increment(ref owner._armed);
            }
        }

        public void Fired(TimeSpan period) => Arm(period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period, counts: false);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, counts: true);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Arm(Timeout.InfiniteTimeSpan, counts: false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Counts who is waiting for the budget and how many requests it granted.</summary>
internal sealed class ObservedBudget(SlidingWindowRequestBudget inner) : IRequestBudget, IDisposable
{
    private int _waiting;
    private long _grants;

    public int Waiting => Volatile.Read(ref _waiting);

    public long Grants => Interlocked.Read(ref _grants);

    public async ValueTask AcquireAsync(string provider, string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await inner.AcquireAsync(provider, userId, cancellationToken);
            Interlocked.Increment(ref _grants);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public ValueTask PenalizeAsync(string provider, string userId, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        inner.PenalizeAsync(provider, userId, retryAt, cancellationToken);

    public ValueTask<BudgetSnapshot> GetSnapshotAsync(string provider, string? userId, CancellationToken cancellationToken) =>
        inner.GetSnapshotAsync(provider, userId, cancellationToken);

    public void Dispose() => inner.Dispose();
}

/// <summary>
/// Moves simulated time only when every unfinished sync is waiting for the budget (no request in flight, nothing
/// being written), and then exactly to the earliest due timer, so the outcome does not depend on machine speed.
/// </summary>
internal static class SimulatedTimeDriver
{
    public static async Task RunAsync(TimerTrackingTimeProvider time, ObservedBudget budget, IReadOnlyCollection<Task> syncs, Func<bool>? stopWhen = null)
    {
        var idle = Stopwatch.StartNew();
        var progress = (budget.Grants, time.Armed);
        while (syncs.Any(t => !t.IsCompleted) && stopWhen?.Invoke() != true)
        {
            await Task.Delay(1);
            if ((budget.Grants, time.Armed) != progress)
            {
                progress = (budget.Grants, time.Armed);
                idle.Restart();
            }

            if (idle.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"No progress for 60 s: {budget.Waiting} waiting, {syncs.Count(t => !t.IsCompleted)} unfinished, next timer {time.NextDue():O}.");
            }

            var unfinished = syncs.Count(t => !t.IsCompleted);
            if (unfinished == 0 || budget.Waiting != unfinished || time.NextDue() is not { } due)
            {
                continue;
            }

            var before = (budget.Grants, time.Armed);
            time.Advance(due - time.GetUtcNow());
            var settle = Stopwatch.StartNew();
            while ((budget.Grants, time.Armed) == before && settle.Elapsed < TimeSpan.FromSeconds(2))
            {
                await Task.Delay(1);
            }
        }
    }
}
