using System.Collections.Concurrent;
using System.Text.Json;
using LiverMuscle.Sync.Providers.Persistence;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Budget;

/// <summary>
/// Keeps requests inside each provider's documented limits: at most N in any interval of the limit's window, per
/// application and per user, the way the providers count. Every request takes its slot in the state store as it is
/// sent, so processes sharing the store share one budget and a restart, even after a kill, spends nothing the provider
/// still counts. Waiters of one process queue first-in first-out and wait in <see cref="TimeProvider"/> time.
/// </summary>
internal sealed class SlidingWindowRequestBudget(IEnumerable<ProviderRateLimit> limits, TimeProvider time, IRequestWindowStore windows, IKeyValueStore? saved = null)
    : IRequestBudget, IDisposable
{
    /// <summary>Where earlier versions saved the windows at exit; imported once into the shared store.</summary>
    public const string StateKey = "budget/windows";

    /// <summary>
    /// A request counts this much past its window: the provider counts it when it arrives, a moment after it was
    /// granted here, so a slot freed to the millisecond would be early there.
    /// </summary>
    public static readonly TimeSpan ArrivalMargin = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, ProviderRateLimit> _limits = limits.ToDictionary(l => l.Provider, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turnstiles = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _importGate = new(1, 1);
    private volatile bool _imported = saved is null;

    public async ValueTask AcquireAsync(string provider, string userId, CancellationToken cancellationToken)
    {
        if (!_limits.TryGetValue(provider, out var limit))
        {
            return;
        }

        await ImportSavedAsync(cancellationToken);

        // Queue on the scope that binds: the application when it has a limit, else the user.
        var turnstile = _turnstiles.GetOrAdd(BindingScope(limit, userId), _ => new SemaphoreSlim(1, 1));
        await turnstile.WaitAsync(cancellationToken);
        try
        {
            var scopes = Scopes(limit, userId).ToList();
            while (await windows.TryTakeAsync(scopes, limit.Window + ArrivalMargin, time.GetUtcNow(), cancellationToken) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            turnstile.Release();
        }
    }

    public async ValueTask PenalizeAsync(string provider, string userId, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        if (_limits.TryGetValue(provider, out var limit))
        {
            foreach (var scope in Scopes(limit, userId))
            {
                await windows.HoldAsync(scope.Scope, retryAt, cancellationToken);
            }
        }
    }

    public async ValueTask<BudgetSnapshot> GetSnapshotAsync(string provider, string? userId, CancellationToken cancellationToken)
    {
        if (!_limits.TryGetValue(provider, out var limit))
        {
            return new BudgetSnapshot(provider, userId, int.MaxValue, int.MaxValue, TimeSpan.Zero);
        }

        await ImportSavedAsync(cancellationToken);
        var max = limit.PerApplication ?? limit.PerUser ?? int.MaxValue;
        var used = await windows.CountAsync(BindingScope(limit, userId ?? string.Empty), limit.Window, time.GetUtcNow(), cancellationToken);
        return new BudgetSnapshot(provider, limit.PerApplication is null ? userId : null, Math.Max(0, max - used), max, limit.Window);
    }

    public void Dispose()
    {
        foreach (var turnstile in _turnstiles.Values)
        {
            turnstile.Dispose();
        }

        _importGate.Dispose();
    }

    private async Task ImportSavedAsync(CancellationToken cancellationToken)
    {
        if (_imported)
        {
            return;
        }

        await _importGate.WaitAsync(cancellationToken);
        try
        {
            if (!_imported && await saved!.GetAsync(StateKey, cancellationToken) is { } text)
            {
                await saved.DeleteAsync(StateKey, cancellationToken);
                var states = text.StartsWith('{') ? JsonSerializer.Deserialize(text, PersistedStateJsonContext.Default.BudgetDocument)?.Windows ?? [] : LegacyBudgetText.Parse(text);
                foreach (var state in states.Where(s => _limits.ContainsKey(s.Provider)))
                {
                    var scope = state.UserId is null ? state.Provider : UserScope(state.Provider, state.UserId);
                    await windows.ImportAsync(scope, [.. state.Grants.Select(DateTimeOffset.FromUnixTimeMilliseconds)], DateTimeOffset.FromUnixTimeMilliseconds(state.HoldUntil), cancellationToken);
                }
            }

            _imported = true;
        }
        finally
        {
            _importGate.Release();
        }
    }

    private static IEnumerable<RequestScope> Scopes(ProviderRateLimit limit, string userId)
    {
        if (limit.PerApplication is { } perApplication)
        {
            yield return new RequestScope(limit.Provider, perApplication);
        }

        if (limit.PerUser is { } perUser)
        {
            yield return new RequestScope(UserScope(limit.Provider, userId), perUser);
        }
    }

    private static string BindingScope(ProviderRateLimit limit, string userId) => limit.PerApplication is null ? UserScope(limit.Provider, userId) : limit.Provider;

    private static string UserScope(string provider, string userId) => provider + "\n" + userId;
}
