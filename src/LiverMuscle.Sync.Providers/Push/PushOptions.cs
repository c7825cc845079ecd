using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Providers.Push;

/// <summary>
/// Section <c>Sync:Push</c>: where the worker listens for push notifications (loopback unless configured), the
/// public URL providers are told to call, and how notifications become targeted syncs. Without a public URL nobody
/// subscribes and polling alone keeps data current.
/// </summary>
public sealed class PushOptions
{
    /// <summary>Host <c>localhost</c> or a literal IP address. Default <c>http://127.0.0.1:8089</c>.</summary>
    [RequiredSetting]
    [ListenUrl]
    public Uri ListenUrl { get; set; } = new("http://127.0.0.1:8089");

    [HttpUrl]
    public Uri? PublicUrl { get; set; }

    /// <summary>
    /// Targeted syncs waiting at most (one per person, provider and data kind); a notification beyond that is answered
    /// 503 and the provider sends it again later. Default 1000.
    /// </summary>
    [NumberRange(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// One person's targeted syncs of one data kind start at most this often; notifications in between widen the next
    /// one. Default 1 minute.
    /// </summary>
    [DurationRange("00:00:00", "01:00:00")]
    public TimeSpan TriggerInterval { get; set; } = TimeSpan.FromMinutes(1);
}
