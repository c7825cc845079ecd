namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// What one person costs a provider, measured against its sandbox: requests of a poll that finds nothing new, of a
/// push-triggered sync per data kind, and the lifetime of the access tokens it issues.
/// </summary>
internal sealed record ProviderCost(string Provider, double PollRequests, IReadOnlyDictionary<string, double> PushRequests, TimeSpan TokenLifetime)
{
    /// <summary>Requests of the push-triggered syncs of one person-day at this rate.</summary>
    public double PushRequestsPerDay(NotificationRate rate) =>
        rate.SyncsPerDay.Sum(kind => kind.Value * PushRequests.GetValueOrDefault(kind.Key));
}
