using System.Collections.Concurrent;
using System.Net;
using System.Text;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>
/// A loopback HTTP server that answers /write with scripted statuses, for the answers a stock 1.6 server cannot be
/// made to give (503 with Retry-After, 429, the error shapes of 2.x and 3.x). With a <see cref="RetentionCutoff"/> it
/// drops the lines older than it, stores the rest and answers with the partial write of the chosen
/// <see cref="RetentionAnswer"/>, naming no line, as those servers do. Everything else is tested against the real
/// server.
/// </summary>
internal sealed class ScriptedInfluxServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _script = new();
    private readonly Task _loop;

    public ScriptedInfluxServer()
    {
        (_listener, Url) = LoopbackListener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<string> Writes { get; } = new();

    public List<DateTimeOffset> WriteTimes { get; } = [];

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public ConcurrentQueue<string> Queries { get; } = new();

    /// <summary>Bodies with more lines than this are refused with 413, like a server's max body size.</summary>
    public int MaxLines { get; set; } = int.MaxValue;

    /// <summary>Lines whose time (in the precision the write names) is before this are dropped as beyond the retention period.</summary>
    public DateTimeOffset? RetentionCutoff { get; set; }

    public PartialWriteShape RetentionAnswer { get; set; } = PartialWriteShape.V2;

    /// <summary>Lines stored (not refused, not dropped), in arrival order.</summary>
    public ConcurrentQueue<string> Stored { get; } = new();

    /// <summary>While set, every /write waits for it before it is answered.</summary>
    public TaskCompletionSource? Hold { get; set; }

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

    private (int Status, string Body) Store(string written, string? precision)
    {
        var dropped = 0;
        foreach (var line in written.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var epoch = long.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var time = precision switch
            {
                "s" => DateTimeOffset.FromUnixTimeSeconds(epoch),
                "ms" => DateTimeOffset.FromUnixTimeMilliseconds(epoch),
                "u" => DateTimeOffset.UnixEpoch.AddTicks(epoch * 10),
                _ => DateTimeOffset.UnixEpoch.AddTicks(epoch / 100),
            };
            if (RetentionCutoff is { } cutoff && time < cutoff)
            {
                dropped++;
            }
            else
            {
                Stored.Enqueue(line);
            }
        }

        return dropped == 0 ? (204, string.Empty) : RetentionAnswer switch
        {
            PartialWriteShape.V2 => (422, $$"""{"code":"unprocessable entity","message":"failure writing points to database: partial write: points beyond retention policy dropped={{dropped}}"}"""),
            PartialWriteShape.V2InternalError => (500, $$"""{"code":"internal error","message":"unexpected error writing points to database: partial write: points beyond retention policy dropped={{dropped}}"}"""),
            _ => (400, """{"error":"partial write of line protocol occurred","data":[]}"""),
        };
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

                if (Hold is { } hold)
                {
                    await hold.Task;
                }

                if (written.Count(c => c == '\n') > MaxLines)
                {
                    (status, body) = (413, "{\"error\":\"Request Entity Too Large\"}");
                }
                else if (_script.TryDequeue(out var step))
                {
                    (status, body, retryAfter) = step;
                }
                else
                {
                    (status, body) = Store(written, context.Request.QueryString["precision"]);
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
