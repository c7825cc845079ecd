using System.Collections.Concurrent;
using System.Text.Json;
using LiverMuscle.Sync.Providers.Persistence;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Budget;

/// <summary>
/// Keeps requests inside each provider's documented limits: at most N in any interval of the limit's window, per
/// application and per user, the way the providers count. Waiters queue first-in first-out and wait in
/// <see cref="TimeProvider"/> time, so a shared budget is used to the last request without ever exceeding it.
/// With a state store, the requests of the last window are saved when the process stops and loaded before the
/// next first request, so a restart does not spend again what the provider still counts.
/// </summary>
public sealed class SlidingWindowRequestBudget(IEnumerable<ProviderRateLimit> limits, TimeProvider time, IKeyValueStore? store = null)
    : IRequestBudget, IAsyncDisposable, IDisposable
{
    public const string StateKey = "budget/windows";

    private readonly Dictionary<string, ProviderRateLimit> _limits = limits.ToDictionary(l => l.Provider, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turnstiles = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private bool _loaded = store is null;

    public async ValueTask AcquireAsync(string provider, string userId, CancellationToken cancellationToken)
    {
        if (!_limits.TryGetValue(provider, out var limit))
        {
            return;
        }

        if (!_loaded)
        {
            await LoadAsync(cancellationToken);
        }

        // Queue on the scope that binds: the application when it has a limit, else the user.
        var turnstile = _turnstiles.GetOrAdd(limit.PerApplication is null ? UserScope(provider, userId) : provider, _ => new SemaphoreSlim(1, 1));
        await turnstile.WaitAsync(cancellationToken);
        try
        {
            var scopes = Scopes(limit, userId).ToList();
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = scopes.Max(s => s.Window.WaitFor(now, s.Limit, limit.Window));
                if (wait <= TimeSpan.Zero)
                {
                    foreach (var scope in scopes)
                    {
                        scope.Window.Record(now);
                    }

                    return;
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            turnstile.Release();
        }
    }

    public void Penalize(string provider, string userId, DateTimeOffset retryAt)
    {
        if (_limits.TryGetValue(provider, out var limit))
        {
            foreach (var scope in Scopes(limit, userId))
            {
                scope.Window.HoldUntil(retryAt);
            }
        }
    }

    public BudgetSnapshot GetSnapshot(string provider, string? userId)
    {
        if (!_limits.TryGetValue(provider, out var limit))
        {
            return new BudgetSnapshot(provider, userId, int.MaxValue, int.MaxValue, TimeSpan.Zero);
        }

        var (key, max) = limit.PerApplication is { } app ? (provider, app) : (UserScope(provider, userId ?? string.Empty), limit.PerUser ?? int.MaxValue);
        var used = _windows.TryGetValue(key, out var window) ? window.Count(time.GetUtcNow(), limit.Window) : 0;
        return new BudgetSnapshot(provider, limit.PerApplication is null ? userId : null, Math.Max(0, max - used), max, limit.Window);
    }

    public async ValueTask DisposeAsync()
    {
        if (store is not null && _loaded)
        {
            await store.SetAsync(StateKey, Format(), secret: false, CancellationToken.None);
        }

        Dispose();
    }

    public void Dispose()
    {
        foreach (var turnstile in _turnstiles.Values)
        {
            turnstile.Dispose();
        }

        _loadGate.Dispose();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded && await store!.GetAsync(StateKey, cancellationToken) is { } saved)
            {
                Parse(saved);
            }

            _loaded = true;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    private string Format()
    {
        var now = time.GetUtcNow();
        var windows = new List<BudgetWindowState>();
        foreach (var (scope, window) in _windows)
        {
            var parts = scope.Split('\n', 2);
            var (hold, grants) = window.Export(now, _limits[parts[0]].Window);
            windows.Add(new BudgetWindowState(parts[0], parts.Length == 2 ? parts[1] : null, hold.ToUnixTimeMilliseconds(), [.. grants.Select(g => g.ToUnixTimeMilliseconds())]));
        }

        return JsonSerializer.Serialize(new BudgetDocument(windows), PersistedStateJsonContext.Default.BudgetDocument);
    }

    private void Parse(string saved)
    {
        foreach (var state in saved.StartsWith('{') ? JsonSerializer.Deserialize(saved, PersistedStateJsonContext.Default.BudgetDocument)?.Windows ?? [] : LegacyBudgetText.Parse(saved))
        {
            if (!_limits.ContainsKey(state.Provider))
            {
                continue;
            }

            var window = _windows.GetOrAdd(state.UserId is null ? state.Provider : UserScope(state.Provider, state.UserId), _ => new Window());
            window.HoldUntil(DateTimeOffset.FromUnixTimeMilliseconds(state.HoldUntil));
            foreach (var grant in state.Grants)
            {
                window.Record(DateTimeOffset.FromUnixTimeMilliseconds(grant));
            }
        }
    }

    private IEnumerable<(Window Window, int Limit)> Scopes(ProviderRateLimit limit, string userId)
    {
        if (limit.PerApplication is { } perApplication)
        {
            yield return (_windows.GetOrAdd(limit.Provider, _ => new Window()), perApplication);
        }

        if (limit.PerUser is { } perUser)
        {
            yield return (_windows.GetOrAdd(UserScope(limit.Provider, userId), _ => new Window()), perUser);
        }
    }

    private static string UserScope(string provider, string userId) => provider + "\n" + userId;

    /// <summary>The grant times of one scope within the last window, and a hold after a rate-limit answer.</summary>
    private sealed class Window
    {
        private readonly Queue<DateTimeOffset> _grants = new();
        private DateTimeOffset _holdUntil = DateTimeOffset.MinValue;

        public TimeSpan WaitFor(DateTimeOffset now, int limit, TimeSpan length)
        {
            lock (_grants)
            {
                Prune(now, length);
                var wait = _grants.Count < limit ? TimeSpan.Zero : _grants.Peek() + length - now;
                return _holdUntil > now && _holdUntil - now > wait ? _holdUntil - now : wait;
            }
        }

        public void Record(DateTimeOffset now)
        {
            lock (_grants)
            {
                _grants.Enqueue(now);
            }
        }

        public void HoldUntil(DateTimeOffset until)
        {
            lock (_grants)
            {
                if (until > _holdUntil)
                {
                    _holdUntil = until;
                }
            }
        }

        public (DateTimeOffset HoldUntil, DateTimeOffset[] Grants) Export(DateTimeOffset now, TimeSpan length)
        {
            lock (_grants)
            {
                Prune(now, length);
                return (_holdUntil < now ? now : _holdUntil, [.. _grants]);
            }
        }

        public int Count(DateTimeOffset now, TimeSpan length)
        {
            lock (_grants)
            {
                Prune(now, length);
                return _grants.Count;
            }
        }

        private void Prune(DateTimeOffset now, TimeSpan length)
        {
            // A grant at t still counts at t + length - ε, and no longer at t + length.
            while (_grants.Count > 0 && _grants.Peek() + length <= now)
            {
                _grants.Dequeue();
            }
        }
    }
}
