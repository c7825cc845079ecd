using System.Security.Cryptography;

namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>
/// Withings' token rules: 30-second single-use codes; 3-hour access tokens; refresh tokens rotate on every refresh,
/// and a rotated-out one keeps working until 8 hours after its successor was issued or its successor's access token
/// was first used, whichever comes first.
/// </summary>
internal sealed class SandboxOAuth(WithingsSandboxOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long User, string Redirect, DateTimeOffset Issued, bool Used)> _codes = [];
    private readonly Dictionary<string, (long User, DateTimeOffset Expires)> _access = [];
    private readonly Dictionary<string, RefreshRecord> _refresh = [];
    private readonly HashSet<string> _usedAccess = [];
    private readonly Dictionary<string, int> _presented = [];

    public string IssueCode(long user, string redirectUri)
    {
        var code = NewToken();
        lock (_gate)
        {
            _codes[code] = (user, redirectUri, Now, false);
        }

        return code;
    }

    public (long User, string Access, string Refresh)? RedeemCode(string code, string? redirectUri)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry) || entry.Used || Now - entry.Issued > options.AuthorizationCodeLifetime || (redirectUri is not null && redirectUri != entry.Redirect))
            {
                return null;
            }

            _codes[code] = entry with { Used = true };
            var (access, refresh) = IssuePair(entry.User);
            return (entry.User, access, refresh);
        }
    }

    public (long User, string Access, string Refresh)? Refresh(string refreshToken)
    {
        lock (_gate)
        {
            if (!_refresh.TryGetValue(refreshToken, out var record) || record.Revoked)
            {
                return null;
            }

            _presented[refreshToken] = _presented.GetValueOrDefault(refreshToken) + 1;

            if (record.Successor is { } successor)
            {
                var expired = Now - record.SupersededAt > options.RefreshOverlap || _usedAccess.Contains(successor);
                if (expired || options.ReuseKillsChain)
                {
                    if (options.ReuseKillsChain)
                    {
                        RevokeLocked(record.User);
                    }

                    return null;
                }
            }

            var (access, refresh) = IssuePair(record.User);
            record.Successor = access;
            record.SupersededAt = Now;
            return (record.User, access, refresh);
        }
    }

    /// <summary>The user of a valid access token; marks it used (which retires the refresh token it replaced).</summary>
    public long? Authenticate(string? accessToken)
    {
        lock (_gate)
        {
            if (accessToken is null || !_access.TryGetValue(accessToken, out var entry) || Now >= entry.Expires)
            {
                return null;
            }

            _usedAccess.Add(accessToken);
            return entry.User;
        }
    }

    public (string Access, string Refresh) IssuePairFor(long user)
    {
        lock (_gate)
        {
            return IssuePair(user);
        }
    }

    /// <summary>How often each refresh token of the user issued so far was presented for a refresh.</summary>
    public IReadOnlyList<int> RefreshTokenUses(long user)
    {
        lock (_gate)
        {
            return [.. _refresh.Where(r => r.Value.User == user).Select(r => _presented.GetValueOrDefault(r.Key))];
        }
    }

    public void Revoke(long user)
    {
        lock (_gate)
        {
            RevokeLocked(user);
        }
    }

    private void RevokeLocked(long user)
    {
        foreach (var record in _refresh.Values.Where(r => r.User == user))
        {
            record.Revoked = true;
        }

        foreach (var token in _access.Where(a => a.Value.User == user).Select(a => a.Key).ToList())
        {
            _access.Remove(token);
        }
    }

    private (string Access, string Refresh) IssuePair(long user)
    {
        var access = NewToken();
        var refresh = NewToken();
        _access[access] = (user, Now + options.AccessTokenLifetime);
        _refresh[refresh] = new RefreshRecord(user);
        return (access, refresh);
    }

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    private sealed class RefreshRecord(long user)
    {
        public long User { get; } = user;

        public string? Successor { get; set; }

        public DateTimeOffset SupersededAt { get; set; }

        public bool Revoked { get; set; }
    }
}
