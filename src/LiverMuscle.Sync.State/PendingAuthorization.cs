namespace LiverMuscle.Sync.State;

/// <summary>
/// An authorisation started at a provider and not completed yet: the <paramref name="State"/> the redirect must
/// carry, the PKCE verifier (encrypted at rest, never shown), the redirect URI the code is bound to, and when it
/// stops being accepted. Single use.
/// </summary>
public sealed record PendingAuthorization(
    string State,
    string Provider,
    string PersonId,
    Uri RedirectUri,
    string? CodeVerifier,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public override string ToString() =>
        $"PendingAuthorization {{ Provider = {Provider}, PersonId = {PersonId}, RedirectUri = {RedirectUri}, ExpiresAt = {ExpiresAt:O} }}";
}
