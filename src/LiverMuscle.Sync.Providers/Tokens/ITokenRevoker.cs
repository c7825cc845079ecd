namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>
/// Withdraws at the provider what the worker holds for a person before they are erased: the grant itself where the
/// provider's API allows it (Google's revocation endpoint), else what can be withdrawn (Withings' notification
/// subscriptions). Never throws for the provider's failures: they are the result, and erasure goes on.
/// </summary>
public interface ITokenRevoker
{
    string Provider { get; }

    Task<RevocationResult> RevokeAsync(string personId, CancellationToken cancellationToken);
}

/// <summary>What a revocation did at one provider, as a line to show (never a token).</summary>
public sealed record RevocationResult(string Provider, bool Succeeded, string Detail)
{
    public static RevocationResult Done(string provider, string detail) => new(provider, true, detail);

    public static RevocationResult Failed(string provider, string detail) => new(provider, false, detail);
}
