using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>
/// A loopback Withings: the real paths and rules (status-in-body errors, rotating refresh tokens with the 8-hour
/// overlap, 30-second single-use codes, 3-hour access tokens, 120 requests/minute → 601, small pages with
/// sometimes-missing <c>more</c>, Body Scan duplicates, ambiguous groups, manual entries without device), serving
/// deterministic synthetic history, with hooks to edit, delete and add data and to send notifications.
/// </summary>
public sealed partial class WithingsSandbox : IAsyncDisposable
{
    public const long DemoUserId = 1_000_000;

    private readonly WebApplication _app;
    private readonly WithingsSandboxOptions _options;
    private readonly ConcurrentDictionary<long, SandboxUser> _users = new();
    private readonly DateTimeOffset _historyEnd;
#pragma warning disable RS0030 // The sandbox plays Withings calling a subscriber back; it lives outside the worker's container.
    private readonly HttpClient _callbacks = new() { Timeout = TimeSpan.FromSeconds(5) };
#pragma warning restore RS0030
    private readonly ConcurrentQueue<string> _dataRequests = new();
    private long _nextUser = DemoUserId;
    private long _requests;
    private long _rateLimited;
    private int _injectedCount;
    private int _injectedStatus;
    private readonly Lock _faults = new();
    private (MalformedOk Shape, int Skip, int Count) _malformed;

    private WithingsSandbox(WebApplication app, WithingsSandboxOptions options)
    {
        _app = app;
        _options = options;
        _historyEnd = options.TimeProvider.GetUtcNow();
        OAuth = new SandboxOAuth(options);
        Limiter = new SandboxRateLimiter(options.RequestsPerMinute, options.TimeProvider);
        Data = new SandboxData(options);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri AuthorizeUrl => new(BaseUrl, "/oauth2_user/authorize2");

    public string ClientId => _options.ClientId;

    public string ClientSecret => _options.ClientSecret;

    /// <summary>Every HTTP request answered (authorize page excluded), rate-limited ones included.</summary>
    public long RequestsServed => Interlocked.Read(ref _requests);

    /// <summary>Requests answered with status 601.</summary>
    public long RateLimitedAnswers => Interlocked.Read(ref _rateLimited);

    /// <summary>Every authenticated data call as <c>userid?sorted-parameters</c>, in arrival order (to spot re-fetches).</summary>
    public IReadOnlyList<string> DataRequests => [.. _dataRequests];

    public IReadOnlyCollection<long> UserIds => [.. _users.Keys.Order()];

    internal SandboxOAuth OAuth { get; }

    internal SandboxRateLimiter Limiter { get; }

    internal SandboxData Data { get; }

    internal WithingsSandboxOptions Options => _options;

    public static async Task<WithingsSandbox> StartAsync(WithingsSandboxOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var sandbox = new WithingsSandbox(app, options);
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

    /// <summary>Creates the next synthetic user and returns its Withings user id.</summary>
    public long CreateUser() => GetOrCreate(Interlocked.Increment(ref _nextUser)).UserId;

    /// <summary>Issues a token pair directly, as if the user had authorised (no request counted).</summary>
    public (string AccessToken, string RefreshToken, TimeSpan ExpiresIn) IssueTokens(long userId)
    {
        GetOrCreate(userId);
        var (access, refresh) = OAuth.IssuePairFor(userId);
        return (access, refresh, _options.AccessTokenLifetime);
    }

    /// <summary>Kills every token of the user, as a revoked grant does: refreshing answers status 503.</summary>
    public void RevokeGrant(long userId) => OAuth.Revoke(userId);

    /// <summary>The next <paramref name="count"/> data calls answer <paramref name="status"/> (0 = HTML error page).</summary>
    public void InjectFailures(int status, int count)
    {
        Volatile.Write(ref _injectedStatus, status);
        Volatile.Write(ref _injectedCount, count);
    }

    /// <summary>
    /// After <paramref name="skip"/> more getmeas/getworkouts answers, the next <paramref name="count"/> answer status 0
    /// without a well-formed list, in the given <paramref name="shape"/>.
    /// </summary>
    public void InjectMalformedOk(MalformedOk shape, int count, int skip = 0)
    {
        lock (_faults)
        {
            _malformed = (shape, skip, count);
        }
    }

    public int RefreshCount(long userId) => User(userId).Refreshes;

    /// <summary>For each refresh token issued to the user, how often it was presented (a rotating token is good once).</summary>
    public IReadOnlyList<int> RefreshTokenUses(long userId) => OAuth.RefreshTokenUses(userId);

    /// <summary>Moves the user to another zone: answers carry it from now on (their history stays where it was).</summary>
    public void SetTimeZone(long userId, string timeZone)
    {
        var user = User(userId);
        lock (user)
        {
            user.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZone).Id;
        }
    }

    public IReadOnlyList<SandboxGroup> Groups(long userId)
    {
        var user = User(userId);
        lock (user)
        {
            return [.. user.Groups.Where(g => !g.Deleted)];
        }
    }

    public IReadOnlyList<SandboxWorkout> Workouts(long userId)
    {
        var user = User(userId);
        lock (user)
        {
            return [.. user.Workouts.Where(w => !w.Deleted)];
        }
    }

    public IReadOnlySet<long> ServedGroups(long userId)
    {
        var user = User(userId);
        lock (user)
        {
            return user.ServedGroups.ToHashSet();
        }
    }

    public IReadOnlySet<long> ServedWorkouts(long userId)
    {
        var user = User(userId);
        lock (user)
        {
            return user.ServedWorkouts.ToHashSet();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _callbacks.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal SandboxUser User(long userId) =>
        _users.TryGetValue(userId, out var user) ? user : throw new KeyNotFoundException($"No sandbox user {userId}.");

    internal SandboxUser GetOrCreate(long userId) => _users.GetOrAdd(userId, id =>
    {
        var user = new SandboxUser(id, _options.TimeZones[(int)((id - DemoUserId) % _options.TimeZones.Count)]);
        SyntheticHistory.Fill(user, _options.Seed, _historyEnd, _options.HistoryDays);
        return user;
    });

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    /// <summary>The injected failure status for this call, if any remain.</summary>
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

    /// <summary>The malformed shape for this list answer, if one is due.</summary>
    internal MalformedOk? TakeMalformed()
    {
        lock (_faults)
        {
            var (shape, skip, count) = _malformed;
            if (count <= 0)
            {
                return null;
            }

            _malformed = skip > 0 ? (shape, skip - 1, count) : (shape, 0, count - 1);
            return skip > 0 ? null : shape;
        }
    }

    internal HttpClient Callbacks => _callbacks;

    internal long Now => _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
}
