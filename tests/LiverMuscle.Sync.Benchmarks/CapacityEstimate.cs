namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// Requests per person-day and people served by one application's (or project's) budget, with and without push-first
/// polling. Token refreshes count where the provider's budget counts them; a person's token is refreshed at most once
/// per lifetime and only when a sync needs it.
/// </summary>
internal sealed record CapacityEstimate(
    ProviderCost Cost,
    NotificationRate Rate,
    double RequestsPerDayAllowed,
    TimeSpan PollInterval,
    TimeSpan ReconcileInterval,
    bool RefreshesCount,
    double SubscriptionChecksPerDay)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public double PollsPerDayWithoutPush => Day / PollInterval;

    public double PollsPerDayWithPush => Day / ReconcileInterval;

    public double WithoutPush => PollsPerDayWithoutPush * Cost.PollRequests + Refreshes(PollsPerDayWithoutPush);

    public double WithPush =>
        (PollsPerDayWithPush * Cost.PollRequests) + Cost.PushRequestsPerDay(Rate) + Refreshes(PollsPerDayWithPush + Rate.Syncs) + SubscriptionChecksPerDay;

    public long PeopleWithoutPush => (long)Math.Floor(RequestsPerDayAllowed / WithoutPush);

    public long PeopleWithPush => (long)Math.Floor(RequestsPerDayAllowed / WithPush);

    private double Refreshes(double syncsPerDay) => RefreshesCount ? Math.Min(syncsPerDay, Day / Cost.TokenLifetime) : 0;
}
