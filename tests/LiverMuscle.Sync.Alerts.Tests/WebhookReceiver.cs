using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>
/// A real HTTP receiver on loopback that checks <c>X-Signature</c> (HMAC-SHA256 hex of the body) against its own copy of
/// the secret, answers 503 to the first <see cref="FailFirst"/> attempts, and keeps accepted messages once per
/// idempotency key, as a careful receiver would.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _secret;
    private readonly Task _loop;
    private int _attempts;

    public WebhookReceiver(string secret, int failFirst = 0)
    {
        _secret = secret;
        FailFirst = failFirst;
        (_listener, Url) = LoopbackListener.Start("/hook/");
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public int FailFirst { get; set; }

    /// <summary>When set, failed attempts answer 429 with this <c>Retry-After</c> (seconds) instead of 503.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>When each attempt arrived.</summary>
    public ConcurrentQueue<DateTimeOffset> ArrivedAt { get; } = new();

    public int Attempts => _attempts;

    /// <summary>Every attempt: the idempotency key seen and whether its signature was valid.</summary>
    public ConcurrentQueue<(string? Key, bool SignatureValid)> Seen { get; } = new();

    /// <summary>Accepted bodies, one per idempotency key, in arrival order.</summary>
    public ConcurrentQueue<JsonElement> Accepted { get; } = new();

    private readonly ConcurrentDictionary<string, bool> _keys = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), Encoding.UTF8.GetBytes(body)));
            var valid = string.Equals(context.Request.Headers["X-Signature"], expected, StringComparison.Ordinal);
            var json = JsonDocument.Parse(body).RootElement.Clone();
            var key = json.TryGetProperty("idempotency_key", out var k) ? k.GetString() : context.Request.Headers["Idempotency-Key"];
            Seen.Enqueue((key, valid));
            ArrivedAt.Enqueue(DateTimeOffset.UtcNow);
            var attempt = Interlocked.Increment(ref _attempts);
            context.Response.StatusCode = !valid ? 401 : attempt <= FailFirst ? (RetryAfterSeconds is null ? 503 : 429) : 200;
            if (context.Response.StatusCode == 429)
            {
                context.Response.Headers["Retry-After"] = RetryAfterSeconds!.Value.ToString();
            }

            if (context.Response.StatusCode == 200 && key is not null && _keys.TryAdd(key, true))
            {
                Accepted.Enqueue(json);
            }

            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
