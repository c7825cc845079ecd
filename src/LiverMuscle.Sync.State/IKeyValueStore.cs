namespace LiverMuscle.Sync.State;

/// <summary>
/// Small named values a component keeps between runs (a pending PKCE verifier, a push subscription, backfill
/// progress). Keys are namespaced by the caller, e.g. <c>withings/subscription/alice</c>. Values marked secret are
/// encrypted at rest like tokens.
/// </summary>
public interface IKeyValueStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, bool secret, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
