using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>A provider's token endpoint. Transient failures throw; a dead grant is a <see cref="TokenGrantResult"/>.</summary>
public interface IOAuthTokenClient
{
    string Provider { get; }

    Task<TokenGrantResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken);
}

/// <summary>Either a new token pair, or the provider's word that the grant is gone (with the reason to show).</summary>
public sealed record TokenGrantResult(OAuthToken? Token, string? InvalidGrantReason)
{
    public static TokenGrantResult Success(OAuthToken token) => new(token, null);

    public static TokenGrantResult InvalidGrant(string reason) => new(null, reason);
}
