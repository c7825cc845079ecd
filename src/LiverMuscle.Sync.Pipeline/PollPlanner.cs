using LiverMuscle.Sync.Providers.Push;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>
/// Push-first polling: a (person, provider) whose provider has confirmed the push subscription and sent a notification
/// within <c>Sync:PushQuietAfter</c> is polled every <c>Sync:ReconcileInterval</c> (never more often than the poll interval); any other every <c>Sync:PollInterval</c>.
/// </summary>
public sealed class PollPlanner(IPushHealth push, IOptions<SyncOptions> options, TimeProvider time)
{
    public async Task<PollPlan> GetAsync(string userId, string provider, CancellationToken cancellationToken)
    {
        var health = await push.GetAsync(userId, provider, cancellationToken);
        var settings = options.Value;
        return IsHealthy(health, time.GetUtcNow() - settings.PushQuietAfter)
            ? new PollPlan(settings.ReconcileInterval > settings.PollInterval ? settings.ReconcileInterval : settings.PollInterval, PushHealthy: true)
            : new PollPlan(settings.PollInterval, PushHealthy: false);
    }

    private static bool IsHealthy(PushHealth health, DateTimeOffset quietBefore) =>
        health.SubscriptionConfirmedAt is not null && health.LastNotificationAt is { } notified && notified >= quietBefore;
}
