namespace LiverMuscle.Sync.Providers.Budget;

/// <summary>The form earlier versions saved the budget in at exit: per scope (a provider, or a provider's user) the hold and the grants of the last window.</summary>
internal sealed record BudgetDocument(IReadOnlyList<BudgetWindowState> Windows);

/// <summary>One scope's window; times in unix milliseconds.</summary>
internal sealed record BudgetWindowState(string Provider, string? UserId, long HoldUntil, IReadOnlyList<long> Grants);
