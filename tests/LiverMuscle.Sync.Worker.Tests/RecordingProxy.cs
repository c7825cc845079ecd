using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>A loopback server that forwards every request to a sandbox and records it as <c>METHOD /path</c>.</summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Host", "Transfer-Encoding", "Connection", "Content-Length" };

    private readonly WebApplication _app;
    private readonly HttpClient _forward = new(new HttpClientHandler { AllowAutoRedirect = false });
    private readonly ConcurrentQueue<string> _requests = new();

    private RecordingProxy(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<RecordingProxy> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new RecordingProxy(app);
        app.Run(context => proxy.ForwardAsync(context, target));
        await app.StartAsync();
        proxy.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        _forward.Dispose();
        await _app.DisposeAsync();
    }

    private async Task ForwardAsync(HttpContext context, Uri target)
    {
        var request = context.Request;
        _requests.Enqueue($"{request.Method} {request.Path}");
        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target, request.Path + request.QueryString));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forwarded.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!forwarded.Headers.TryAddWithoutValidation(name, [.. values]) && forwarded.Content is not null)
            {
                forwarded.Content.Headers.TryAddWithoutValidation(name, [.. values]);
            }
        }

        using var answer = await _forward.SendAsync(forwarded, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
