using System.Collections.Concurrent;
using System.Net;
using System.Text;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>
/// A loopback HTTP server that answers /write with scripted statuses, for the answers a stock 1.6 server cannot be
/// made to give (503 with Retry-After, 429). Everything else is tested against the real server.
/// </summary>
internal sealed class ScriptedInfluxServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _script = new();
    private readonly Task _loop;

    public ScriptedInfluxServer()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<string> Writes { get; } = new();

    public List<DateTimeOffset> WriteTimes { get; } = [];

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public ConcurrentQueue<string> Queries { get; } = new();

    /// <summary>Bodies with more lines than this are refused with 413, like a server's max body size.</summary>
    public int MaxLines { get; set; } = int.MaxValue;

    public void Then(int status, string body = "", string? retryAfter = null) => _script.Enqueue((status, body, retryAfter));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            Authorizations.Enqueue(context.Request.Headers["Authorization"]);
            var status = 204;
            var body = string.Empty;
            string? retryAfter = null;
            if (path == "/write")
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var written = await reader.ReadToEndAsync();
                Writes.Enqueue(written);
                lock (WriteTimes)
                {
                    WriteTimes.Add(DateTimeOffset.UtcNow);
                }

                if (written.Count(c => c == '\n') > MaxLines)
                {
                    (status, body) = (413, "{\"error\":\"Request Entity Too Large\"}");
                }
                else if (_script.TryDequeue(out var step))
                {
                    (status, body, retryAfter) = step;
                }
            }
            else if (path == "/query")
            {
                Queries.Enqueue(context.Request.Url.Query);
                status = 200;
                body = "{\"results\":[{\"statement_id\":0}]}";
            }

            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", retryAfter);
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            if (bytes.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }
}
