using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Pipeline.Tests;

/// <summary>A token endpoint that counts refreshes, can be held open, and refuses the grant of listed refresh tokens.</summary>
internal sealed class CountingTokenClient(string provider, TimeProvider time) : IOAuthTokenClient
{
    private int _refreshes;

    public string Provider => provider;

    public int Refreshes => _refreshes;

    public HashSet<string> DeadRefreshTokens { get; } = [];

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<TokenGrantResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _refreshes);
        await Gate.Task.WaitAsync(cancellationToken);
        return DeadRefreshTokens.Contains(refreshToken)
            ? TokenGrantResult.InvalidGrant("invalid refresh_token")
            : TokenGrantResult.Success(new OAuthToken($"access-{n}", $"refresh-{n}", time.GetUtcNow().AddHours(3), null, null));
    }
}

/// <summary>
/// A provider's token endpoint shared by several processes, rotating like Withings: each refresh token works once, a
/// used one is refused as an invalid grant. <see cref="Gate"/> holds refreshes until released.
/// </summary>
internal sealed class RotatingTokenEndpoint(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _uses = [];
    private string _valid = "refresh-0";
    private int _issued;
    private int _arrived;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<string, int> Uses
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_uses);
            }
        }
    }

    /// <summary>Refreshes that reached the endpoint, released or not.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public IOAuthTokenClient ClientFor(string provider) => new Client(this, provider);

    private async Task<TokenGrantResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _arrived);
        await Gate.Task.WaitAsync(cancellationToken);
        lock (_lock)
        {
            _uses[refreshToken] = _uses.GetValueOrDefault(refreshToken) + 1;
            if (refreshToken != _valid)
            {
                return TokenGrantResult.InvalidGrant("invalid refresh_token");
            }

            var n = ++_issued;
            _valid = $"refresh-{n}";
            return TokenGrantResult.Success(new OAuthToken($"access-{n}", _valid, time.GetUtcNow().AddHours(3), null, null));
        }
    }

    private sealed class Client(RotatingTokenEndpoint endpoint, string provider) : IOAuthTokenClient
    {
        public string Provider => provider;

        public Task<TokenGrantResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken) => endpoint.RefreshAsync(refreshToken, cancellationToken);
    }
}

/// <summary>A source that yields scripted batches, each costing one request, and records the requests it was given.</summary>
internal sealed class ScriptedSource(string provider, string dataKind, Func<SyncRequest, IReadOnlyList<SyncBatch>> script) : ISyncSource
{
    public string Provider => provider;

    public string DataKind => dataKind;

    public ConcurrentQueue<SyncRequest> Requests { get; } = new();

    public async IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        foreach (var batch in script(request))
        {
            await Task.Yield();
            request.Requests.Add();
            yield return batch;
        }
    }
}

/// <summary>A source that sends some requests, then fails (its provider is down, an answer is malformed).</summary>
internal sealed class FailingSource(string provider, string dataKind, int requests) : ISyncSource
{
    public string Provider => provider;

    public string DataKind => dataKind;

    public async IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < requests; i++)
        {
            await Task.Yield();
            request.Requests.Add();
        }

        throw new HttpRequestException("502 Bad Gateway");
#pragma warning disable CS0162 // an iterator needs a yield
        yield break;
#pragma warning restore CS0162
    }
}

/// <summary>A sink that keeps what it was given and fails on a chosen write; with <see cref="Spool"/> every point is "kept".</summary>
internal sealed class RecordingSink : IPointSink
{
    private int _writes;

    public int FailOnWrite { get; init; } = -1;

    public bool Spool { get; set; }

    /// <summary>Called as each write comes in, before it is taken.</summary>
    public Action? OnWrite { get; init; }

    public ConcurrentQueue<Point> Points { get; } = new();

    /// <summary>Every call: <c>write N</c> or <c>delete FROM</c>.</summary>
    public ConcurrentQueue<string> Operations { get; } = new();

    public ValueTask<SinkWriteResult> WriteAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken)
    {
        OnWrite?.Invoke();
        if (Interlocked.Increment(ref _writes) == FailOnWrite)
        {
            throw new IOException("disk full");
        }

        foreach (var point in points)
        {
            Points.Enqueue(point);
        }

        Operations.Enqueue($"write {points.Count}");
        return ValueTask.FromResult(Spool ? new SinkWriteResult(points, points.Select(_ => PointOutcome.Kept).ToArray()) : SinkWriteResult.AllAccepted(points));
    }

    public ValueTask DeleteAsync(PointDeletion deletion, CancellationToken cancellationToken)
    {
        Operations.Enqueue($"delete {deletion.From:O}");
        return ValueTask.CompletedTask;
    }
}

/// <summary>A sink status whose spool depth the test sets (nothing waits by default).</summary>
internal sealed class FakeSinkStatus : ISinkStatus
{
    public int SpooledBatches { get; set; }

    public Task<SinkStatus> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new SinkStatus(SpooledBatches, SpooledBatches * 100L, null, null));
}
