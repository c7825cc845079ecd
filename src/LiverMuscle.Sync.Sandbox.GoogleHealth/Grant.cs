namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>One user's consent to the client: its scopes and (for offline access) its refresh token.</summary>
internal sealed class Grant(string user, IReadOnlyCollection<string> scopes, DateTimeOffset issued)
{
    public string User { get; } = user;

    public IReadOnlyCollection<string> Scopes { get; } = scopes;

    public DateTimeOffset Issued { get; } = issued;

    public string? RefreshToken { get; set; }

    public bool Revoked { get; set; }

    public string ScopeString => string.Join(' ', Scopes);
}
