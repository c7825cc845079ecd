namespace LiverMuscle.Sync.Providers.Withings.Push;

/// <summary>
/// Where Withings can reach the worker (<c>Sync:Push:PublicUrl</c>); null disables subscriptions and leaves polling
/// as the only path. A person's callback is that URL plus <see cref="WithingsOptions.NotifyCallbackPath"/> plus their
/// secret callback token.
/// </summary>
internal sealed record WithingsPushSettings(Uri? PublicUrl)
{
    public const string PublicUrlKey = "Sync:Push:PublicUrl";

    /// <summary>The callback URL without a token; a person's URLs start with it and a slash.</summary>
    public string? CallbackBase(string path) => PublicUrl is null ? null : PublicUrl.AbsoluteUri.TrimEnd('/') + path;

    /// <summary>The token of a callback URL of ours, or null when <paramref name="callbackUrl"/> is not one carrying a token.</summary>
    public string? TokenOf(string callbackUrl, string path) =>
        CallbackBase(path) is { } prefix && callbackUrl.StartsWith(prefix + "/", StringComparison.Ordinal) && callbackUrl[(prefix.Length + 1)..] is { Length: > 0 } token && !token.Contains('/', StringComparison.Ordinal)
            ? token
            : null;
}
