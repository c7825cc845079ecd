using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>Section <c>Sync</c>: how often each connection is polled.</summary>
public sealed class SyncOptions
{
    /// <summary>Time between polls of one connection, at least a minute. Default 15 minutes.</summary>
    [DurationRange("00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Up to this much random delay is added to each poll so users do not all start at once; at most <see cref="PollInterval"/>. Default 1 minute.</summary>
    [DurationRange("00:00:00")]
    public TimeSpan PollJitter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Time between polls of a connection whose push is healthy (see <see cref="PushQuietAfter"/>): a reconciliation
    /// that catches what a lost notification missed. A value below <see cref="PollInterval"/> means the poll interval. Default 4 hours.
    /// </summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Push counts as healthy while the provider has confirmed the subscription and the last notification is at most
    /// this old; after that the connection is polled every <see cref="PollInterval"/> again. Default 2 days.
    /// </summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan PushQuietAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Syncs running at the same time, 1–64. Default 4.</summary>
    [NumberRange(1, 64)]
    public int MaxConcurrentSyncs { get; set; } = 4;
}
