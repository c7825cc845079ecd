namespace LiverMuscle.Sync.Providers.Budget;

/// <summary>
/// A provider's documented rate limits, registered by each provider as a singleton: requests per
/// <paramref name="Window"/> shared by all users of the application, and per user. Null means no such limit.
/// </summary>
public sealed record ProviderRateLimit(string Provider, int? PerApplication, int? PerUser, TimeSpan Window);
