namespace LiverMuscle.Sync.State;

/// <summary>
/// A user's OAuth token pair for one provider. Stored encrypted; <see cref="ToString"/> never shows the secrets.
/// <paramref name="ProviderUserId"/> is the provider's own id of the user (Withings userid, Google Health user id).
/// </summary>
public sealed record OAuthToken(
    string AccessToken,
    string RefreshToken,
    DateTimeOffset AccessTokenExpiresAt,
    string? Scope,
    string? ProviderUserId)
{
    public override string ToString() =>
        $"OAuthToken {{ AccessToken = ***, RefreshToken = ***, AccessTokenExpiresAt = {AccessTokenExpiresAt:O}, Scope = {Scope}, ProviderUserId = {ProviderUserId} }}";
}
