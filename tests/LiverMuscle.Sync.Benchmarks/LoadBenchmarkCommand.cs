using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;
using LiverMuscle.Sync.Worker.Demo;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// <c>load --people N --minutes M</c>: N sandbox people connected at both providers, then the real <c>run</c> verb (a
/// child process started as <c>deploy/Dockerfile</c> starts it, default poll settings) for M real minutes. Prints the
/// worker's resident memory from <c>/proc/PID/status</c> as it goes, its largest mappings at the end, and the
/// <c>/metrics</c> figures next to what InfluxQL counts.
/// </summary>
internal static partial class LoadBenchmarkCommand
{
    public static async Task<int> RunAsync(int people, TimeSpan duration)
    {
        var scratch = Directory.CreateTempSubdirectory("livermuscle-load-");
        await using var influx = await LocalInfluxDbServer.StartNewAsync(Path.Combine(scratch.FullName, "influxdb"), CancellationToken.None);
        await using var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions(), CancellationToken.None);
        await using var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions(), CancellationToken.None);
        var listen = new Uri($"http://127.0.0.1:{FreePort()}");
        var settings = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = influx.Url.ToString(),
            ["State:Path"] = Path.Combine(scratch.FullName, "state", "state.db"),
            ["Sync:Push:ListenUrl"] = listen.ToString(),
        };
        foreach (var (key, value) in SandboxSettings.For(withings, google))
        {
            settings[key] = value;
        }

        var clock = Stopwatch.StartNew();
        await ConnectAsync(settings, withings, google, people);
        Console.WriteLine(Line($"Connected {people} people at both sandboxes in {clock.Elapsed.TotalSeconds:F0} s; running the worker for {duration.TotalMinutes:F0} min."));

        var environment = ShippedWorkerEnvironment.Read();
        using var worker = StartWorker(environment, settings);
        Console.WriteLine(Line($"Worker process {worker.Id}, started as deploy/Dockerfile starts it: {string.Join(' ', environment.Select(v => $"{v.Key}={v.Value}"))} dotnet livermuscle-sync.dll run"));
        long peakKb = 0;
        try
        {
            clock.Restart();
            var printed = TimeSpan.Zero;
            while (clock.Elapsed < duration && !worker.HasExited)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System);
                var memory = ProcessMemory.Read(worker.Id);
                // Every 30 s, and whenever the peak rises by a megabyte, so a start-up spike shows when it happens.
                if (clock.Elapsed - printed >= TimeSpan.FromSeconds(30) || memory.PeakKb > peakKb + 1024)
                {
                    printed = clock.Elapsed;
                    Console.WriteLine(Line($"  {clock.Elapsed.TotalMinutes,5:F1} min  {memory}"));
                }

                peakKb = Math.Max(peakKb, memory.PeakKb);
            }

            Console.WriteLine("Largest resident mappings of the worker at the end (/proc/PID/smaps):");
            foreach (var (mapping, kb) in MemoryMappings.Largest(worker.Id, 12))
            {
                Console.WriteLine(Line($"  {kb / 1024.0,6:F1} MB  {mapping}"));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var metrics = await http.GetStringAsync(new Uri(listen, "/metrics"));
            await ReportAsync(metrics, settings, peakKb);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            scratch.Delete(recursive: true);
        }

        return peakKb <= 150 * 1024 ? 0 : 1;
    }

    /// <summary>
    /// Adds the people and stores for each the tokens the sandboxes issue directly: the OAuth flows themselves are tested
    /// elsewhere, and 2,000 of them would wait minutes in Withings' budget of 120 requests a minute.
    /// </summary>
    private static async Task ConnectAsync(Dictionary<string, string?> settings, WithingsSandbox withings, GoogleHealthSandbox google, int people)
    {
        await using var app = WorkerHost.Build(LiverMuscleCli.Create().Parse(["status"]), settings);
        var registry = app.Services.GetRequiredService<PersonRegistry>();
        var tokens = app.Services.GetRequiredService<ITokenStore>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 1; i <= people; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"person-{i:D4}");
            await registry.EnsureAsync(id, null, CancellationToken.None);
            var withingsUser = withings.CreateUser();
            var (access, refresh, expiresIn) = withings.IssueTokens(withingsUser);
            await tokens.SaveTokenAsync(id, ProviderNames.Withings, new OAuthToken(access, refresh, now + expiresIn, "user.metrics,user.activity", withingsUser.ToString(CultureInfo.InvariantCulture)), CancellationToken.None);
            var healthUser = google.CreateUser();
            (access, refresh, expiresIn) = google.IssueTokens(healthUser);
            await tokens.SaveTokenAsync(id, ProviderNames.Fitbit, new OAuthToken(access, refresh, now + expiresIn, null, healthUser), CancellationToken.None);
        }
    }

    private static Process StartWorker(IReadOnlyDictionary<string, string> environment, Dictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "livermuscle-sync.dll"));
        start.ArgumentList.Add("run");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment["LIVERMUSCLE__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.Error.WriteLine("worker: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task ReportAsync(string metrics, Dictionary<string, string?> settings, long peakKb)
    {
        await using var app = WorkerHost.Build(LiverMuscleCli.Create().Parse(["status"]), settings);
        var query = app.Services.GetRequiredService<IInfluxQueryClient>();
        Console.WriteLine(Line($"Peak resident memory of the worker (VmHWM): {peakKb / 1024.0:F1} MB (limit 150 MB)."));
        Console.WriteLine("provider   runs(ok)  runs(other)  records written (/metrics)  points in InfluxDB (InfluxQL)");
        foreach (var provider in ProviderNames.All)
        {
            var ok = Sum(metrics, "livermuscle_sync_sync_runs", provider, "ok");
            var all = Sum(metrics, "livermuscle_sync_sync_runs", provider, null);
            var written = Sum(metrics, "livermuscle_sync_records_written", provider, null);
            long counted = 0;
            foreach (var measurement in new[] { Measurements.BodyComposition, Measurements.StrengthSession, Measurements.NutritionDaily })
            {
                counted += await PointsAsync(query, measurement, provider);
            }

            Console.WriteLine(Line($"{provider,-10} {ok,8:F0}  {all - ok,11:F0}  {written,26:F0}  {counted,29}"));
        }
    }

    /// <summary>Points of a source in a measurement: the rows of <c>SELECT *</c>, one per point whichever fields it has.</summary>
    private static async Task<long> PointsAsync(IInfluxQueryClient query, string measurement, string source)
    {
        var result = await query.QueryAsync($"SELECT * FROM {InfluxQl.Identifier(measurement)} WHERE {InfluxQl.Identifier(TagNames.Source)} = {InfluxQl.Literal(source)}", CancellationToken.None);
        return result.Series.Sum(series => (long)series.Values.Count);
    }

    private static double Sum(string metrics, string name, string provider, string? outcome) =>
        Sample().Matches(metrics)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains($"livermuscle_provider=\"{provider}\"", StringComparison.Ordinal)
                && (outcome is null || m.Groups["labels"].Value.Contains($"livermuscle_outcome=\"{outcome}\"", StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>[^}]*)\} (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
