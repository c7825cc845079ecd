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
        var settings = Settings(options, stateDirectory, database);
        var builder = WorkerHost.CreateBuilder(LiverMuscleCli.Create().Parse(["run"]), settings);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning).AddFakeLogging();
        var services = builder.Services;
        if (options.Time is { } time)
        {
            services.RemoveAll<TimeProvider>().AddSingleton(time);
        }

        if (options.Background == BackgroundWork.SpoolReplayOnly)
        {
            RunOnly(services, type => type == typeof(SpoolReplayService));
        }

        options.ConfigureServices?.Invoke(services);
        // Every registration must be resolvable, not only those a test happens to use.
        builder.Host.UseDefaultServiceProvider(provider => provider.ValidateOnBuild = provider.ValidateScopes = true);
        var app = builder.Build();
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception)
        {
            ((IDisposable)app).Dispose();
            owned?.Delete(recursive: true);
            throw;
        }

        return new TestHost(app, owned, stateDirectory, database, new Uri(settings["Sync:Push:ListenUrl"]!));
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

    private static Dictionary<string, string?> Settings(TestHostOptions options, string stateDirectory, string database)
    {
        var level = options.LogLevel.ToString();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["State:Path"] = Path.Combine(stateDirectory, "state.db"),
            // Without an influxd, a loopback port nobody listens on: a write fails at once.
            ["InfluxDb:Url"] = options.Influx?.Url.ToString() ?? "http://127.0.0.1:9",
            ["InfluxDb:Database"] = database,
            ["Sync:Push:ListenUrl"] = $"http://127.0.0.1:{FreePort.Next()}",
            // The worker's own categories and its HTTP clients; ASP.NET Core stays at the level the worker configures.
            ["Logging:LogLevel:Default"] = level,
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = level,
        };
        if (options.Withings is { } withings)
        {
            settings["Withings:ClientId"] = withings.ClientId;
            settings["Withings:ClientSecret"] = withings.ClientSecret;
            settings["Withings:ApiBaseUrl"] = withings.BaseUrl.ToString();
            settings["Withings:AuthorizeUrl"] = withings.AuthorizeUrl.ToString();
        }

        if (options.Google is { } google)
        {
            settings["Fitbit:ClientId"] = google.ClientId;
            settings["Fitbit:ClientSecret"] = google.ClientSecret;
            settings["Fitbit:ApiBaseUrl"] = google.BaseUrl.ToString();
            settings["Fitbit:AuthorizeUrl"] = google.AuthorizeUrl.ToString();
            settings["Fitbit:TokenUrl"] = google.TokenUrl.ToString();
        }

        foreach (var (key, value) in options.Settings.Where(setting => setting.Value is not null))
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Leaves out every background service of the worker's own for which <paramref name="runs"/> is false.</summary>
    private static void RunOnly(IServiceCollection services, Func<Type, bool> runs)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService))
            {
                continue;
            }

            if (descriptor.ImplementationType is { } type)
            {
                if (IsWorkers(type) && !runs(type))
                {
                    services.RemoveAt(i);
                }
            }
            else if (descriptor.ImplementationFactory is { } factory && IsWorkers(factory.Method.DeclaringType))
            {
                // Registered through a factory (a singleton that is also a service): its type is known once made.
                services[i] = ServiceDescriptor.Singleton<IHostedService>(provider =>
                {
                    var hosted = (IHostedService)factory(provider);
                    return runs(hosted.GetType()) ? hosted : IdleHostedService.Instance;
                });
            }
        }
    }

    private static bool IsWorkers(Type? type) => type?.Namespace?.StartsWith("LiverMuscle.Sync.", StringComparison.Ordinal) == true;
}
