using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Providers.Push;

/// <summary>
/// Section <c>Sync:Push</c>: where the worker listens for push notifications (loopback unless configured), and the
/// public URL providers are told to call. Without a public URL nobody subscribes and polling alone keeps data current.
/// </summary>
public sealed class PushOptions
{
    /// <summary>Host <c>localhost</c> or a literal IP address. Default <c>http://127.0.0.1:8089</c>.</summary>
    [RequiredSetting]
    [ListenUrl]
    public Uri ListenUrl { get; set; } = new("http://127.0.0.1:8089");

    [HttpUrl]
    public Uri? PublicUrl { get; set; }
}
