namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>
/// Hands out valid access tokens. Refreshes before expiry and after the provider rejected a token; one refresh at
/// a time per (user, provider); the rotated pair is persisted before it is returned. A dead grant marks the
/// connection as needing re-authorisation and throws <see cref="ReauthorizationRequiredException"/>.
/// </summary>
public interface ITokenManager
{
    Task<string> GetAccessTokenAsync(string userId, string provider, CancellationToken cancellationToken);

    /// <summary>
    /// Called when the provider rejected <paramref name="rejectedAccessToken"/> as expired/invalid. Refreshes unless
    /// another caller already replaced that token, and returns the current one.
    /// </summary>
    Task<string> RefreshAfterRejectionAsync(string userId, string provider, string rejectedAccessToken, CancellationToken cancellationToken);

    Task MarkNeedsReauthorizationAsync(string userId, string provider, string reason, CancellationToken cancellationToken);
}
