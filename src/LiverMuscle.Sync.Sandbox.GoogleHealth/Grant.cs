namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>One user's consent to the client: its scopes and (for offline access) its refresh token.</summary>
internal sealed class Grant(string user, IReadOnlyCollection<string> scopes, DateTimeOffset issued)
{
    public string User { get; } = user;

    /// <summary>The granted scopes; the user may withdraw some later (<see cref="SandboxOAuth.WithdrawScopes"/>).</summary>
    public IReadOnlyCollection<string> Scopes { get; set; } = scopes;

    public DateTimeOffset Issued { get; } = issued;

    public string? RefreshToken { get; set; }

    public bool Revoked { get; set; }

    public string ScopeString => string.Join(' ', Scopes);
}
