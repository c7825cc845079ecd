using LiverMuscle.Sync.Testing;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>
/// The worker's composition (<c>WorkerHost</c>, the endpoints <c>run</c> maps) in this process on a free loopback
/// port, with a state store in a temporary folder, fake time and every log line captured.
/// </summary>
internal sealed class ConsoleTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _directory;

    private ConsoleTestHost(WebApplication app, DirectoryInfo directory, Uri url, FakeTimeProvider time)
    {
        _app = app;
        _directory = directory;
        Url = url;
        Time = time;
        Logs = app.Services.GetRequiredService<FakeLogCollector>();
    }

    public Uri Url { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every log record, also after the host stopped (its shutdown logs included).</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Every captured log line, with its exception, as one text.</summary>
    public string LogText => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Category} {r.Level} {r.Message} {r.Exception}"));

    public static async Task<ConsoleTestHost> StartAsync(Uri influx, IDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("livermuscle-console-test-");
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["State:Path"] = Path.Combine(directory.FullName, "state.db"),
            ["InfluxDb:Url"] = influx.ToString(),
            ["Sync:Push:ListenUrl"] = url.ToString().TrimEnd('/'),
            ["Logging:LogLevel:Default"] = "Trace",
            // Each write is its own batch: the sink's flush timer runs on the fake clock.
            ["InfluxDb:BatchSize"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var builder = WorkerHost.CreateBuilder(LiverMuscleCli.Create().Parse(["run"]), all);
        builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(time);
        var app = builder.Build();
        app.MapWorkerEndpoints();
        await app.StartAsync();
        return new ConsoleTestHost(app, directory, url, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
