using System.CommandLine;
using System.Globalization;
using LiverMuscle.Sync.Alerts;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>
/// Everything the demo runs on: a private InfluxDB and state store in a scratch directory (unless configured; <see cref="ScratchDirectory"/>), the
/// Withings and Google Health sandboxes with synthetic history, and the worker's components pointed at them, with a
/// demo user authorised at both through the real OAuth flows, a marker profile and a few alert rules.
/// </summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    private readonly DirectoryInfo _scratch;
    private readonly LocalInfluxDbServer? _influx;

    private DemoEnvironment(DirectoryInfo scratch, LocalInfluxDbServer? influx, WithingsSandbox withings, GoogleHealthSandbox google, WebApplication app, string userId)
    {
        _scratch = scratch;
        _influx = influx;
        Withings = withings;
        Google = google;
        App = app;
        UserId = userId;
    }

    public WithingsSandbox Withings { get; }

    public GoogleHealthSandbox Google { get; }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string UserId { get; }

    public long WithingsUserId { get; private set; }

    public string HealthUserId { get; private set; } = string.Empty;

    /// <summary>
    /// Starts the servers side by side (each waits only for its own port), builds the worker on them and authorises the
    /// demo user at both sandboxes at once; each step ends a phase of <paramref name="timings"/>.
    /// </summary>
    public static async Task<DemoEnvironment> StartAsync(ParseResult parse, string userId, int days, TextWriter output, DemoTimings? timings, CancellationToken cancellationToken)
    {
        var scratch = ScratchDirectory.Create("livermuscle-demo-");
        var configuration = WorkerHost.LoadConfiguration(parse);
        var influxStart = StartInfluxAsync(configuration["InfluxDb:Url"] is null, scratch, cancellationToken);
        var withingsStart = WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = days }, cancellationToken);
        var googleStart = GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = days }, cancellationToken);
        try
        {
            await Task.WhenAll(influxStart, withingsStart, googleStart);
        }
        catch
        {
            await DisposeAllAsync(scratch, await StartedAsync(influxStart), await StartedAsync(withingsStart), await StartedAsync(googleStart));
            throw;
        }

        var (influx, withings, google) = (await influxStart, await withingsStart, await googleStart);
        try
        {
            timings?.EndPhase("start InfluxDB and sandboxes");
            var overrides = new Dictionary<string, string?>();
            if (influx is not null)
            {
                overrides["InfluxDb:Url"] = influx.Url.ToString();
                await output.WriteLineAsync($"Started a private InfluxDB at {influx.Url} (data in {influx.DataDirectory}).");
            }

            if (configuration["State:Path"] is null)
            {
                overrides["State:Path"] = Path.Combine(scratch.FullName, "state.db");
            }

            await output.WriteLineAsync($"Started the Withings sandbox at {withings.BaseUrl} and the Google Health sandbox at {google.BaseUrl} ({days} days of synthetic history each).");
            foreach (var (key, value) in SandboxSettings.For(withings, google))
            {
                overrides[key] = value;
            }

            foreach (var (key, value) in DemoProfile.Settings(userId))
            {
                overrides[key] = value;
            }

            var environment = new DemoEnvironment(scratch, influx, withings, google, WorkerHost.Build(parse, overrides), userId);
            timings?.EndPhase("build the worker");
            await environment.AuthorizeAsync(parse.GetValue<string?>("--time-zone"), cancellationToken);
            timings?.EndPhase("authorise at both");
            await output.WriteLineAsync($"Authorised user '{userId}' at both sandboxes (Withings user {environment.WithingsUserId}, Google Health user {environment.HealthUserId}).");
            return environment;
        }
        catch
        {
            await DisposeAllAsync(scratch, influx, withings, google);
            throw;
        }
    }

    /// <summary>Backfills both providers side by side through the real clients and sink, then reports each run.</summary>
    public async Task<IReadOnlyList<SyncRunSummary>> BackfillAsync(int days, TextWriter output, CancellationToken cancellationToken)
    {
        var runner = Services.GetRequiredService<SyncRunner>();
        var since = Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-days - 1);
        var summaries = await Task.WhenAll(new[] { ProviderNames.Withings, ProviderNames.Fitbit }
            .Select(provider => runner.RunAsync(UserId, provider, SyncMode.Backfill, since, null, null, cancellationToken)));
        foreach (var summary in summaries)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backfill of {summary.Provider}: {summary.Outcome.ToString().ToLowerInvariant()}, {summary.Records} points, {summary.Requests} requests."));
            if (summary.Error is { } error)
            {
                await output.WriteLineAsync($"  {error}");
            }
        }

        return summaries;
    }

    /// <summary>Quarterly blood work, scans and strength tests over the demo's days, through the real marker recorder (FIB-4 follows).</summary>
    public async Task<MarkerImportReport> AddBloodWorkAsync(int days, CancellationToken cancellationToken)
    {
        var recorder = Services.GetRequiredService<MarkerRecorder>();
        var today = DateOnly.FromDateTime(Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var stored = 0;
        var errors = new List<MarkerImportError>();
        foreach (var (date, marker, value, unit) in DemoProfile.BloodWork(today, days))
        {
            var report = await recorder.AddAsync(UserId, marker, value, unit, MarkerTime.OfDate(date), cancellationToken);
            stored += report.Stored;
            errors.AddRange(report.Errors);
        }

        return new MarkerImportReport(stored, errors);
    }

    /// <summary>One evaluation of the demo's alert rules, saving states and writing <c>alert_event</c> like the worker does.</summary>
    public Task<IReadOnlyList<AlertOutcome>> EvaluateAlertsAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(dryRun: false, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await DisposeAllAsync(_scratch, _influx, Withings, Google);
    }

    /// <summary>Adds the demo person (UTC unless <c>--time-zone</c> says otherwise) and connects them at both sandboxes.</summary>
    private async Task AuthorizeAsync(string? timeZone, CancellationToken cancellationToken)
    {
        var person = await Services.GetRequiredService<PersonRegistry>().EnsureAsync(UserId, timeZone, cancellationToken);
        if (!person.Succeeded)
        {
            throw new UsageException(string.Join(Environment.NewLine, person.Errors));
        }

        var withings = SandboxAuthorization.ConnectAsync(Services, ProviderNames.Withings, UserId, cancellationToken);
        var google = SandboxAuthorization.ConnectAsync(Services, ProviderNames.Fitbit, UserId, cancellationToken);
        await Task.WhenAll(withings, google);
        WithingsUserId = long.Parse(await withings, CultureInfo.InvariantCulture);
        HealthUserId = await google;
    }

    private static async Task<LocalInfluxDbServer?> StartInfluxAsync(bool needed, DirectoryInfo scratch, CancellationToken cancellationToken) =>
        needed ? await LocalInfluxDbServer.StartNewAsync(Path.Combine(scratch.FullName, "influxdb"), cancellationToken) : null;

    private static async Task<T?> StartedAsync<T>(Task<T> start)
        where T : class? => start.IsCompletedSuccessfully ? await start : null;

    private static async Task DisposeAllAsync(DirectoryInfo scratch, LocalInfluxDbServer? influx, WithingsSandbox? withings, GoogleHealthSandbox? google)
    {
        if (google is not null)
        {
            await google.DisposeAsync();
        }

        if (withings is not null)
        {
            await withings.DisposeAsync();
        }

        if (influx is not null)
        {
            await influx.DisposeAsync();
        }

        scratch.Delete(recursive: true);
    }
}
