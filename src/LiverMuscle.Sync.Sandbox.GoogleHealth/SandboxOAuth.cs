using System.Security.Cryptography;
using System.Text;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// Google's token rules: single-use codes with a lifetime, PKCE (S256 or plain), 1-hour access tokens, refresh tokens
/// that are not rotated and (in Testing mode) die 7 days after issue; revocation kills the whole grant.
/// </summary>
internal sealed class SandboxOAuth(GoogleHealthSandboxOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, AuthorizationCode> _codes = [];
    private readonly Dictionary<string, (Grant Grant, DateTimeOffset Expires)> _access = [];
    private readonly Dictionary<string, Grant> _refresh = [];
    private readonly List<Grant> _grants = [];

    public string IssueCode(AuthorizationCode code)
    {
        var value = "4/0Ab" + NewToken(32);
        lock (_gate)
        {
            _codes[value] = code;
        }

        return value;
    }

    public TokenOutcome Redeem(string code, string redirectUri, string? verifier)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry))
            {
                return Fail("invalid_grant", "Malformed auth code.");
            }

            if (entry.Used || Now - entry.Issued > options.AuthorizationCodeLifetime || redirectUri != entry.RedirectUri)
            {
                return Fail("invalid_grant", "Bad Request");
            }

            if (entry.Challenge is not null)
            {
                if (string.IsNullOrEmpty(verifier))
                {
                    return Fail("invalid_grant", "Missing code verifier.");
                }

                var expected = entry.Method == "S256" ? Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
                if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(entry.Challenge)))
                {
                    return Fail("invalid_grant", "Invalid code verifier.");
                }
            }

            entry.Used = true;
            var grant = NewGrant(entry.User, entry.Scopes, entry.IssueRefresh);
            return new TokenOutcome(grant, NewAccess(grant), grant.RefreshToken, null, null);
        }
    }

    public TokenOutcome Refresh(string refreshToken)
    {
        lock (_gate)
        {
            if (!_refresh.TryGetValue(refreshToken, out var grant) || grant.Revoked || RefreshExpired(grant))
            {
                return Fail("invalid_grant", "Token has been expired or revoked.");
            }

            return new TokenOutcome(grant, NewAccess(grant), null, null, null);
        }
    }

    /// <summary>Seconds the grant's refresh token still lives (Testing mode), or null when it does not expire.</summary>
    public long? RefreshTokenExpiresIn(Grant grant) =>
        options.TestingMode ? (long)Math.Max(0, (grant.Issued + options.TestingModeRefreshTokenLifetime - Now).TotalSeconds) : null;

    public (TokenCheck Check, Grant? Grant) Authenticate(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return (TokenCheck.Missing, null);
        }

        lock (_gate)
        {
            if (!_access.TryGetValue(accessToken, out var entry))
            {
                return (TokenCheck.Unknown, null);
            }

            return entry.Grant.Revoked || Now >= entry.Expires ? (TokenCheck.Expired, null) : (TokenCheck.Ok, entry.Grant);
        }
    }

    public (string Access, string Refresh) IssueDirect(string user, IReadOnlyCollection<string> scopes)
    {
        lock (_gate)
        {
            var grant = NewGrant(user, scopes, withRefresh: true);
            return (NewAccess(grant), grant.RefreshToken!);
        }
    }

    /// <summary>Revokes the grant an access or refresh token belongs to; false if the token is unknown or already dead.</summary>
    public bool RevokeToken(string token)
    {
        lock (_gate)
        {
            var grant = _refresh.TryGetValue(token, out var g) ? g : _access.TryGetValue(token, out var a) ? a.Grant : null;
            if (grant is null || grant.Revoked)
            {
                return false;
            }

            grant.Revoked = true;
            return true;
        }
    }

    public void WithdrawScopes(string user, IReadOnlyCollection<string> scopes)
    {
        lock (_gate)
        {
            foreach (var grant in _grants.Where(g => g.User == user))
            {
                grant.Scopes = [.. grant.Scopes.Except(scopes, StringComparer.Ordinal)];
            }
        }
    }

    public void RevokeUser(string user)
    {
        lock (_gate)
        {
            foreach (var grant in _grants.Where(g => g.User == user))
            {
                grant.Revoked = true;
            }
        }
    }

    public bool HasLiveGrant(string user)
    {
        lock (_gate)
        {
            return _grants.Any(g => g.User == user && g.RefreshToken is not null && !g.Revoked && !RefreshExpired(g));
        }
    }

    private bool RefreshExpired(Grant grant) => options.TestingMode && Now >= grant.Issued + options.TestingModeRefreshTokenLifetime;

    private Grant NewGrant(string user, IReadOnlyCollection<string> scopes, bool withRefresh)
    {
        var grant = new Grant(user, scopes, Now);
        if (withRefresh)
        {
            grant.RefreshToken = "1//0g" + NewToken(48);
            _refresh[grant.RefreshToken] = grant;
        }

        _grants.Add(grant);
        return grant;
    }

    private string NewAccess(Grant grant)
    {
        var token = "ya29.a0Sbx" + NewToken(64);
        _access[token] = (grant, Now + options.AccessTokenLifetime);
        return token;
    }

    private static TokenOutcome Fail(string error, string description) => new(null, null, null, error, description);

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    private static string NewToken(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
