namespace LiverMuscle.Sync.Providers.Withings.Push;

/// <summary>
/// Where Withings can reach the worker (<c>Sync:Push:PublicUrl</c>); null disables subscriptions and leaves polling
/// as the only path. The callback is that URL plus <see cref="WithingsOptions.NotifyCallbackPath"/>.
/// </summary>
public sealed record WithingsPushSettings(Uri? PublicUrl)
{
    public const string PublicUrlKey = "Sync:Push:PublicUrl";

    public Uri? CallbackUrl(string path) =>
        PublicUrl is null ? null : new Uri(PublicUrl.ToString().TrimEnd('/') + path);
}
