namespace LiverMuscle.Sync.Providers.Budget;

/// <summary>
/// Schedules requests inside a provider's rate limits (per application and per user) instead of hitting them, shared
/// by every process on the state store. <see cref="AcquireAsync"/> waits (in <see cref="TimeProvider"/> time) until a
/// request may be sent.
/// </summary>
public interface IRequestBudget
{
    ValueTask AcquireAsync(string provider, string userId, CancellationToken cancellationToken);

    /// <summary>The provider answered "rate limited": hold every request of that scope until <paramref name="retryAt"/>.</summary>
    ValueTask PenalizeAsync(string provider, string userId, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>What is left of the current window, counting the requests of every process.</summary>
    ValueTask<BudgetSnapshot> GetSnapshotAsync(string provider, string? userId, CancellationToken cancellationToken);
}

/// <summary>Requests left in the current window and the window's limit.</summary>
public sealed record BudgetSnapshot(string Provider, string? UserId, int Remaining, int Limit, TimeSpan Window);
