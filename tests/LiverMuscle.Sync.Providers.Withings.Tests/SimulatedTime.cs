using System.Collections.Concurrent;
using System.Diagnostics;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.State;
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

/// <summary>Counts who is waiting for the budget (requests, and the people they are for) and how many requests it granted.</summary>
internal sealed class ObservedBudget(SlidingWindowRequestBudget inner) : IRequestBudget, IDisposable
{
    private readonly ConcurrentDictionary<string, int> _waitingPerPerson = new(StringComparer.Ordinal);
    private int _waiting;
    private long _grants;

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>People with at least one request waiting (a run's data kinds each send their own).</summary>
    public int PeopleWaiting => _waitingPerPerson.Count(p => p.Value > 0);

    public long Grants => Interlocked.Read(ref _grants);

    /// <summary>The state store's windows the budget takes its slots in, when they are observed too.</summary>
    public ObservedWindows? Windows { get; init; }

    public async ValueTask AcquireAsync(string provider, string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        _waitingPerPerson.AddOrUpdate(userId, 1, (_, n) => n + 1);
        try
        {
            await inner.AcquireAsync(provider, userId, cancellationToken);
            Interlocked.Increment(ref _grants);
        }
        finally
        {
            _waitingPerPerson.AddOrUpdate(userId, 0, (_, n) => n - 1);
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
/// Moves simulated time only when every unfinished sync is waiting for the budget (each sync is one person's; its
/// data kinds read side by side, and one of them waiting holds the sync) and every request it granted has reached
/// the server (<see cref="ObservedWindows.InFlight"/>), and then exactly to the earliest due timer, so the
/// outcome does not depend on machine speed.
/// </summary>
internal static class SimulatedTimeDriver
{
    public static async Task RunAsync(TimerTrackingTimeProvider time, ObservedBudget budget, IReadOnlyCollection<Task> syncs, Func<bool>? stopWhen = null)
    {
        var windows = budget.Windows ?? throw new ArgumentException("The budget's windows are not observed.", nameof(budget));
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
            // A slot being taken, or taken for a request that has not reached the server yet, would be stamped earlier
            // than the server counts it.
            if (unfinished == 0 || budget.PeopleWaiting != unfinished || windows.InFlight > 0 || time.NextDue() is not { } due)
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

/// <summary>
/// Counts the slots taken in the request windows, and the takes under way. A take stamps the simulated clock's time
/// as it is when the take begins: simulated time may jump minutes between the budget reading the clock and taking the
/// slot, which in real time are microseconds apart, and a stale stamp would let the window admit a request early.
/// </summary>
internal sealed class ObservedWindows(IRequestWindowStore inner, TimeProvider time, Func<long> arrived) : IRequestWindowStore
{
    // Counted from the start of this process, before any of its syncs began: a request granted before a later
    // baseline but arriving after it would otherwise go uncounted.
    private readonly long _arrivedBefore = arrived();
    private int _taking;
    private long _taken;

    /// <summary>Slots being taken, or taken for a request the server has not received (and stamped) yet.</summary>
    public long InFlight => Taking + Taken - (arrived() - _arrivedBefore);

    public int Taking => Volatile.Read(ref _taking);

    public long Taken => Interlocked.Read(ref _taken);

    public async Task<TimeSpan> TryTakeAsync(IReadOnlyList<RequestScope> scopes, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _taking);
        try
        {
            var current = time.GetUtcNow();
            var wait = await inner.TryTakeAsync(scopes, window, now < current ? current : now, cancellationToken);
            if (wait <= TimeSpan.Zero)
            {
                Interlocked.Increment(ref _taken);
            }

            return wait;
        }
        finally
        {
            Interlocked.Decrement(ref _taking);
        }
    }

    public Task HoldAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken) => inner.HoldAsync(scope, until, cancellationToken);

    public Task<int> CountAsync(string scope, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken) => inner.CountAsync(scope, window, now, cancellationToken);

    public Task ImportAsync(string scope, IReadOnlyList<DateTimeOffset> sentAt, DateTimeOffset holdUntil, CancellationToken cancellationToken) =>
        inner.ImportAsync(scope, sentAt, holdUntil, cancellationToken);
}
