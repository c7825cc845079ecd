namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>An issued authorization code: who consented to what, for which redirect, with which PKCE challenge.</summary>
internal sealed record AuthorizationCode(string User, string RedirectUri, IReadOnlyCollection<string> Scopes, string? Challenge, string? Method, bool IssueRefresh, DateTimeOffset Issued)
{
    public bool Used { get; set; }
}
