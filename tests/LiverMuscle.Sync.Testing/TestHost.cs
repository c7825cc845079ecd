using LiverMuscle.Sync.Sinks.InfluxDb.Writing;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Testing;

/// <summary>
/// The worker as <c>run</c> composes it (<see cref="WorkerHost"/>, <c>AddLiverMuscleSync</c>), from a configuration
/// dictionary over a real influxd, a SQLite state file in a temporary 0700 directory and the loopback sandboxes,
/// with every log record captured. <see cref="BuildAsync"/> gives the composed services, validated, for a test that
/// calls components itself; <see cref="StartAsync(TestHostOptions)"/> runs it, listening on a loopback port with
/// the endpoints of <c>run</c>. Disposing stops it and deletes the state directory it made.
/// </summary>
public sealed class TestHost : IServiceProvider, IAsyncDisposable, IDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo? _ownedDirectory;
    private bool _started;

    private TestHost(WebApplication app, DirectoryInfo? ownedDirectory, string stateDirectory, string database, Uri url)
    {
        _app = app;
        _ownedDirectory = ownedDirectory;
        StateDirectory = stateDirectory;
        Database = database;
        Url = url;
        Logs = app.Services.GetFakeLogCollector();
    }

    public WebApplication App => _app;

    public IServiceProvider Services => _app.Services;

    /// <summary>Where the worker listens once started (<c>Sync:Push:ListenUrl</c>).</summary>
    public Uri Url { get; }

    public string StateDirectory { get; }

    public string Database { get; }

    /// <summary>Every log record, also after the host stopped (its shutdown logs included).</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Every captured log line, with its exception, as one text.</summary>
    public string LogText => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Category} {r.Level} {r.Message} {r.Exception}"));

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public IEnumerable<T> GetAll<T>() where T : notnull => Services.GetServices<T>();

    public object? GetService(Type serviceType) => Services.GetService(serviceType);

    public static async Task<TestHost> StartAsync(TestHostOptions options)
    {
        var host = await BuildAsync(options);
        await host.StartAsync();
        return host;
    }

    /// <summary>The composed and validated services, nothing running yet; makes a database when none is given.</summary>
    public static async Task<TestHost> BuildAsync(TestHostOptions options) =>
        Build(options.Influx is not null && options.Database is null ? options with { Database = await options.Influx.NewDatabaseAsync() } : options);

    /// <summary>As <see cref="BuildAsync"/>, for a database given or no InfluxDB at all.</summary>
    public static TestHost Build(TestHostOptions options)
    {
        var owned = options.StateDirectory is null ? Directory.CreateTempSubdirectory("livermuscle-test-") : null;
        var stateDirectory = options.StateDirectory ?? owned!.FullName;
        var database = options.Database ?? "livermuscle";
        var settings = options.Configuration(stateDirectory, database);
        var builder = WorkerHost.CreateBuilder(LiverMuscleCli.Create().Parse(["run"]), settings);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning).AddFakeLogging();
        var services = builder.Services;
        if (options.Time is { } time)
        {
            services.RemoveAll<TimeProvider>().AddSingleton(time);
        }

        if (options.Background == BackgroundWork.SpoolReplayOnly)
        {
            services.RunOnlyHostedServices(type => type == typeof(SpoolReplayService));
        }

        options.ConfigureServices?.Invoke(services);
        // Every registration must be resolvable, not only those a test happens to use.
        builder.Host.UseDefaultServiceProvider(provider => provider.ValidateOnBuild = provider.ValidateScopes = true);
        WebApplication? app = null;
        try
        {
            app = builder.Build();
            app.Services.GetService<IStartupValidator>()?.Validate();
            return new TestHost(app, owned, stateDirectory, database, new Uri(settings["Sync:Push:ListenUrl"]!));
        }
        catch (Exception)
        {
            (app as IDisposable)?.Dispose();
            owned?.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Starts the hosted services and the listener with the endpoints <c>run</c> maps.</summary>
    public async Task StartAsync()
    {
        _app.MapWorkerEndpoints();
        await _app.StartAsync();
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _app.StopAsync();
        }

        await _app.DisposeAsync();
        _ownedDirectory?.Delete(recursive: true);
    }

    /// <summary>For a host that was never started and whose services dispose synchronously (the state store).</summary>
    public void Dispose()
    {
        ((IDisposable)_app).Dispose();
        _ownedDirectory?.Delete(recursive: true);
    }
}
