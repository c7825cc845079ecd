using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>
/// A provider's OAuth 2.0 authorization-code flow, used by <c>auth</c> and by the demo.
/// <see cref="Begin"/> builds the authorize URL (with state, and PKCE where the provider uses it);
/// <see cref="CompleteAsync"/> exchanges the code, stores the token pair, and runs the provider's follow-ups
/// (identity lookup, push subscription).
/// </summary>
public interface IAuthorizationFlow
{
    string Provider { get; }

    AuthorizationStart Begin(string userId, Uri redirectUri, bool demo);

    Task<ProviderConnection> CompleteAsync(string userId, string code, AuthorizationStart started, CancellationToken cancellationToken);
}

/// <summary>The URL to open, the state to check on the redirect, and the PKCE verifier if any (never logged).</summary>
public sealed record AuthorizationStart(Uri AuthorizeUrl, Uri RedirectUri, string State, string? CodeVerifier)
{
    public override string ToString() => $"AuthorizationStart {{ AuthorizeUrl = {AuthorizeUrl}, RedirectUri = {RedirectUri} }}";
}
