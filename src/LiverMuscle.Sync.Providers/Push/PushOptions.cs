namespace LiverMuscle.Sync.Providers.Push;

/// <summary>
/// Section <c>Sync:Push</c>: where the worker listens for push notifications (loopback unless configured), and the
/// public URL providers are told to call. Without a public URL nobody subscribes and polling alone keeps data current.
/// </summary>
public sealed class PushOptions
{
    public Uri ListenUrl { get; set; } = new("http://127.0.0.1:8089");

    public Uri? PublicUrl { get; set; }
}
