using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// A strict loopback Google Health API v4 with its Google OAuth endpoints and a turned-off legacy Fitbit API:
/// <c>users/me</c> parents only, per-type filter members and scopes, 25-point exercise pages, query-bound page
/// tokens, final <c>{}</c> pages, int64-as-string JSON, 300 requests per user per sliding minute, non-rotating
/// refresh tokens (7-day ones in Testing mode), serving deterministic synthetic history, with hooks for tests.
/// </summary>
public sealed partial class GoogleHealthSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GoogleHealthSandboxOptions _options;
    private readonly ConcurrentDictionary<string, SandboxUser> _users = new();
    private readonly ConcurrentQueue<string> _dataRequests = new();
    private readonly DateTimeOffset _historyEnd;
    private readonly object _createGate = new();
    private int _userNumber;
    private string[] _uncheckNext = [];
    private bool _denyNext;
    private long _requests;
    private long _rateLimited;
    private int _injectedCount;
    private int _injectedStatus;
    private int _malformedCount;
    private MalformedList _malformedShape;

    private GoogleHealthSandbox(WebApplication app, GoogleHealthSandboxOptions options)
    {
        _app = app;
        _options = options;
        _historyEnd = options.TimeProvider.GetUtcNow();
        OAuth = new SandboxOAuth(options);
        Limiter = new UserRateLimiter(options.RequestsPerMinutePerUser, options.TimeProvider);
    }

    /// <summary>The API host, e.g. <c>http://127.0.0.1:PORT/</c>; clients call <c>{BaseUrl}v4/users/me/…</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Google's authorization endpoint (<c>/o/oauth2/v2/auth</c>): auto-consents and redirects with a code.</summary>
    public Uri AuthorizeUrl => new(BaseUrl, "o/oauth2/v2/auth");

    /// <summary>Google's token endpoint (<c>oauth2.googleapis.com/token</c>).</summary>
    public Uri TokenUrl => new(BaseUrl, "token");

    /// <summary>Google's revocation endpoint (<c>oauth2.googleapis.com/revoke</c>).</summary>
    public Uri RevokeUrl => new(BaseUrl, "revoke");

    /// <summary>The turned-off Fitbit Web API and OAuth: every path below it answers 410 Gone.</summary>
    public Uri LegacyFitbitUrl => new(BaseUrl, "legacy-fitbit/");

    public string ClientId => _options.ClientId;

    public string ClientSecret => _options.ClientSecret;

    /// <summary>Requests to the API, token, revoke and legacy endpoints (the authorize page excluded), refused ones included.</summary>
    public long RequestsServed => Interlocked.Read(ref _requests);

    /// <summary>Answers with status 429 (rate limit and injected).</summary>
    public long RateLimitedAnswers => Interlocked.Read(ref _rateLimited);

    /// <summary>Every authenticated, admitted API call as <c>healthUserId GET /v4/…?decoded-query</c>, in arrival order.</summary>
    public IReadOnlyList<string> DataRequests => [.. _dataRequests];

    public IReadOnlyCollection<string> UserIds => [.. _users.Keys.Order(StringComparer.Ordinal)];

    internal SandboxOAuth OAuth { get; }

    internal UserRateLimiter Limiter { get; }

    internal PageTokens Tokens { get; } = new();

    public static async Task<GoogleHealthSandbox> StartAsync(GoogleHealthSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var sandbox = new GoogleHealthSandbox(app, options);
        sandbox.MapEndpoints();
        for (var i = 0; i < options.Users; i++)
        {
            sandbox.CreateUser();
        }

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return sandbox;
    }

    /// <summary>Creates the next synthetic user (deterministic for the seed and creation order); returns its healthUserId.</summary>
    public string CreateUser() => CreateUser(zone: null);

    /// <summary>Creates the next synthetic user living in <paramref name="timeZone"/> (an IANA id): its settings name it and its data carry its offset.</summary>
    public string CreateUser(string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return CreateUser((zone.GetUtcOffset(_historyEnd), timeZone));
    }

    /// <summary>The user moved: their settings name <paramref name="timeZone"/> from now on (their data keep their offset).</summary>
    public void SetTimeZone(string healthUserId, string timeZone)
    {
        var user = User(healthUserId);
        lock (user)
        {
            user.TimeZone = timeZone;
        }
    }

    /// <summary>Issues tokens as if the user had consented to the three read scopes offline (no request counted).</summary>
    public (string AccessToken, string RefreshToken, TimeSpan ExpiresIn) IssueTokens(string healthUserId)
    {
        var user = User(healthUserId);
        lock (user)
        {
            user.HasConsented = true;
        }

        var (access, refresh) = OAuth.IssueDirect(healthUserId, GoogleHealthScopes.Read);
        return (access, refresh, ExpiresIn);
    }

    /// <summary>Issues tokens for exactly these scopes, as if the user had consented offline (no request counted).</summary>
    public (string AccessToken, string RefreshToken, TimeSpan ExpiresIn) IssueTokens(string healthUserId, IEnumerable<string> scopes)
    {
        var user = User(healthUserId);
        lock (user)
        {
            user.HasConsented = true;
        }

        var (access, refresh) = OAuth.IssueDirect(healthUserId, [.. scopes.Distinct()]);
        return (access, refresh, ExpiresIn);
    }

    /// <summary>The next consent on the authorize page grants everything asked except these scopes (granular consent).</summary>
    public void UncheckScopesOnNextConsent(params string[] scopes)
    {
        lock (_createGate)
        {
            _uncheckNext = [.. scopes];
        }
    }

    /// <summary>The next authorization is declined by the user: redirect with <c>error=access_denied</c>.</summary>
    public void DenyNextConsent()
    {
        lock (_createGate)
        {
            _denyNext = true;
        }
    }

    public int RefreshCount(string healthUserId)
    {
        var user = User(healthUserId);
        lock (user)
        {
            return user.Refreshes;
        }
    }

    /// <summary>
    /// The user withdrew these permissions in their Google account: every grant of theirs loses the scopes, so a
    /// refresh answers the narrowed <c>scope</c> and calls needing them answer 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT.
    /// </summary>
    public void WithdrawScopes(string healthUserId, params string[] scopes)
    {
        User(healthUserId);
        OAuth.WithdrawScopes(healthUserId, scopes);
    }

    /// <summary>Revokes every grant of the user: refresh answers invalid_grant, access tokens answer 401.</summary>
    public void RevokeGrant(string healthUserId)
    {
        User(healthUserId);
        OAuth.RevokeUser(healthUserId);
    }

    /// <summary>Every API call of the user answers 403 PERMISSION_DENIED / RESOURCE_PERMISSION_DENIED.</summary>
    public void DenyEverything(string healthUserId)
    {
        var user = User(healthUserId);
        lock (user)
        {
            user.DenyEverything = true;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> authenticated API calls answer <paramref name="httpStatus"/> in the Google
    /// envelope: 500 INTERNAL, 503 UNAVAILABLE, 429 RESOURCE_EXHAUSTED, 504, 403, 400 ACCOUNT_NOT_LINKED; 502 is an HTML page.
    /// </summary>
    public void InjectFailures(int httpStatus, int count)
    {
        Volatile.Write(ref _injectedStatus, httpStatus);
        Volatile.Write(ref _injectedCount, count);
    }

    /// <summary>The next <paramref name="count"/> list calls answer 200 with a body of the given malformed <paramref name="shape"/>.</summary>
    public void InjectMalformedList(MalformedList shape, int count)
    {
        lock (_createGate)
        {
            (_malformedShape, _malformedCount) = (shape, count);
        }
    }

    private string CreateUser((TimeSpan Offset, string Zone)? zone)
    {
        lock (_createGate)
        {
            while (true)
            {
                var user = SyntheticHistory.CreateUser(_options.Seed, ++_userNumber, zone);
                if (_users.ContainsKey(user.HealthUserId))
                {
                    continue;
                }

                SyntheticHistory.Fill(user, _historyEnd, _options.HistoryDays, _options);
                SourceVariants.Apply(user, _options);
                _users[user.HealthUserId] = user;
                return user.HealthUserId;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal TimeSpan ExpiresIn => _options.AccessTokenLifetime - TimeSpan.FromSeconds(1);

    internal GoogleHealthSandboxOptions Options => _options;

    internal SandboxUser User(string healthUserId) =>
        _users.TryGetValue(healthUserId, out var user) ? user : throw new KeyNotFoundException($"No sandbox user {healthUserId}.");

    internal bool TryGetUser(string healthUserId, out SandboxUser user) => _users.TryGetValue(healthUserId, out user!);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void RecordDataRequest(string entry) => _dataRequests.Enqueue(entry);

    /// <summary>The one-shot consent behaviour set by the hooks: declined, or the scopes the user unticked.</summary>
    internal (bool Deny, string[] Unchecked) TakeConsentBehaviour()
    {
        lock (_createGate)
        {
            var behaviour = (_denyNext, _uncheckNext);
            (_denyNext, _uncheckNext) = (false, []);
            return behaviour;
        }
    }

    internal MalformedList? TakeMalformedList()
    {
        lock (_createGate)
        {
            if (_malformedCount <= 0)
            {
                return null;
            }

            _malformedCount--;
            return _malformedShape;
        }
    }

    internal int? TakeInjectedFailure()
    {
        while (true)
        {
            var count = Volatile.Read(ref _injectedCount);
            if (count <= 0)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref _injectedCount, count - 1, count) == count)
            {
                return Volatile.Read(ref _injectedStatus);
            }
        }
    }
}
