using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Withings;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>
/// CLI <c>sync</c> through an InfluxDB outage (the real influxd stopped and started again): while batches wait in the
/// spool — InfluxDB down, or another process still replaying — it says so and exits 4, and derives nothing; once the
/// spool is free the next <c>sync</c> replays it first, and the weekly adherence computed from the replayed points
/// equals that of the same person synced without an outage.
/// </summary>
public sealed partial class OutageCommandTests : IAsyncLifetime
{
    private const string User = "zoe";
    private LocalInfluxDbServer _influx = null!;
    private WithingsSandbox _sandbox = null!;
    private DirectoryInfo _directory = null!;

    public async Task InitializeAsync()
    {
        _influx = await LocalInfluxDbServer.StartNewAsync(null, CancellationToken.None);
        _sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 60 }, CancellationToken.None);
        _directory = Directory.CreateTempSubdirectory("livermuscle-outage-cli-");
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _influx.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Sync_ThroughAnOutage_ExitsSpooledWhileBatchesWaitThenReplaysAndAdherenceEqualsARunWithoutOutage()
    {
        var reference = await ConnectAsync("reference");
        var outage = await ConnectAsync("outage");
        var (code, output, error) = await SyncAsync(reference);
        Assert.True(code == 0, output + error);

        await _influx.StopAsync();
        (code, output, error) = await SyncAsync(outage);
        Assert.True(code == 4, output + error);
        var first = SpooledBatches(output);
        Assert.True(first > 0, output);
        Assert.Contains("batches spooled, waiting for InfluxDB", output, StringComparison.Ordinal);
        (code, output, error) = await SyncAsync(outage);
        Assert.True(code == 4, output + error);
        Assert.True(SpooledBatches(output) > first, output);

        await _influx.StartAsync(CancellationToken.None);
        await using (var replaying = await HoldReplayLeaseAsync(outage))
        {
            // Another process is replaying: InfluxDB answers, but this run's points queue behind the backlog, and
            // nothing may be derived from what InfluxDB holds so far.
            (code, output, error) = await SyncAsync(outage);
            Assert.True(code == 4, output + error);
            var spooled = await replaying.Spool.PeekAsync(10_000, CancellationToken.None);
            // A batch may hold the lines of several data kinds: the sink merges the writes of kinds read side by side.
            Assert.Contains(spooled, e => Encoding.UTF8.GetString(e.Payload).Split('\n').Any(line => line.StartsWith(Measurements.StrengthSession + ",", StringComparison.Ordinal)));
            Assert.DoesNotContain(spooled, e => Encoding.UTF8.GetString(e.Payload).Contains(Measurements.AdherenceWeekly, StringComparison.Ordinal));
            Assert.Empty(await AdherenceAsync("outage"));

            // An entry by hand queues behind the same backlog, and says so.
            (code, output, error) = await WorkerProcess.RunAsync(_directory.FullName, outage, "log", "protein", "--user", User, "--date", "2026-11-02", "--grams", "95");
            Assert.True(code == 4, output + error);
            Assert.Contains("batches spooled", output, StringComparison.Ordinal);
        }

        (code, output, error) = await SyncAsync(outage);
        Assert.True(code == 0, output + error);
        Assert.Contains($"withings for {User}: Ok,", output, StringComparison.Ordinal);
        (code, output, _) = await WorkerProcess.RunAsync(_directory.FullName, outage, "status");
        Assert.Equal(0, code);
        Assert.Contains("write spool: 0 batches", output, StringComparison.Ordinal);

        (code, output, error) = await WorkerProcess.RunAsync(_directory.FullName, reference, "log", "protein", "--user", User, "--date", "2026-11-02", "--grams", "95");
        Assert.True(code == 0, output + error);
        var expected = await AdherenceAsync("reference");
        Assert.NotEmpty(expected);
        Assert.Contains(expected, week => week.Sessions > 0);
        Assert.Equal(expected, await AdherenceAsync("outage"));
        Assert.Equal(await CountAsync("reference", Measurements.StrengthSession), await CountAsync("outage", Measurements.StrengthSession));
        Assert.Equal(await CountAsync("reference", Measurements.BodyComposition), await CountAsync("outage", Measurements.BodyComposition));
    }

    [Fact]
    public async Task Backfill_SinceBeforeAnyProviderHasData_IsRefusedWithTheFirstDateAccepted()
    {
        var (code, output, error) = await WorkerProcess.RunAsync(_directory.FullName, await ConnectAsync("early"), "backfill", "--user", User, "--provider", "withings", "--since", "0001-01-01");

        Assert.Equal(2, code);
        Assert.Contains("--since 0001-01-01 is before any provider holds data; use a date from 2009-01-01 on.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Empty(_sandbox.DataRequests);
        Assert.Equal(string.Empty, output);
    }

    private Task<(int ExitCode, string Output, string Error)> SyncAsync(Dictionary<string, string> environment) =>
        WorkerProcess.RunAsync(_directory.FullName, environment, "sync", "--user", User);

    /// <summary>The spool's replay lease, taken in this process as a replaying worker would hold it.</summary>
    private static async Task<HeldLease> HoldReplayLeaseAsync(Dictionary<string, string> environment)
    {
        var services = TestHost.Build(new TestHostOptions { StateDirectory = Path.GetDirectoryName(environment["LIVERMUSCLE__State__Path"]) });
        var lease = await services.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None);
        Assert.NotNull(lease);
        return new HeldLease(lease, services);
    }

    private static int SpooledBatches(string output) => int.Parse(SpooledLine().Match(output) is { Success: true } m ? m.Groups[1].Value : "0");

    /// <summary>A state store of its own with <see cref="User"/> connected to the sandbox's demo account, writing to <paramref name="database"/>.</summary>
    private async Task<Dictionary<string, string>> ConnectAsync(string database)
    {
        var settings = new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = _influx.Url.ToString(),
            ["InfluxDb:Database"] = database,
            ["InfluxDb:MaxRetries"] = "1",
            ["InfluxDb:RetryBaseDelay"] = "00:00:00.100",
            ["InfluxDb:ReplayInterval"] = "00:00:00.200",
            ["State:Path"] = Path.Combine(_directory.FullName, database, "state.db"),
            ["Withings:ClientId"] = _sandbox.ClientId,
            ["Withings:ClientSecret"] = _sandbox.ClientSecret,
            ["Withings:ApiBaseUrl"] = _sandbox.BaseUrl.ToString(),
            ["Withings:AuthorizeUrl"] = _sandbox.AuthorizeUrl.ToString(),
        };
        using (var http = new HttpClient())
        {
            // The database exists from before, as on a worker that has been running.
            using var created = await http.PostAsync(new Uri(_influx.Url, "/query"), new FormUrlEncodedContent([new("q", $"CREATE DATABASE \"{database}\"")]));
            created.EnsureSuccessStatusCode();
        }

        await using (var services = TestHost.Build(new TestHostOptions { StateDirectory = Path.Combine(_directory.FullName, database), Database = database, Settings = settings }))
        {
            await services.Get<IUserStore>().UpsertAsync(new UserRecord(User, "UTC", DateTimeOffset.UtcNow), CancellationToken.None);
            var flow = services.GetAll<IAuthorizationFlow>().Single(f => f.Provider == ProviderNames.Withings);
            var started = flow.Begin(User, new Uri("http://127.0.0.1/callback"), demo: true);
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var redirect = await browser.GetAsync(started.AuthorizeUrl);
            var code = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();
            Assert.Equal(ConnectionStatus.Connected, (await flow.CompleteAsync(User, code, started, CancellationToken.None)).Status);
        }

        return settings.ToDictionary(s => "LIVERMUSCLE__" + s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
    }

    private async Task<List<AdherenceRow>> AdherenceAsync(string database)
    {
        using var http = new HttpClient();
        var query = Uri.EscapeDataString($"SELECT \"sessions\", \"resistance_min\", \"protein_days_logged\", \"score_pct\" FROM \"{Measurements.AdherenceWeekly}\" WHERE \"user\" = '{User}'");
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(_influx.Url, $"/query?db={database}&q={query}")));
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series)
            ? series[0].GetProperty("values").EnumerateArray()
                .Select(r => new AdherenceRow(r[0].GetString()!, r[1].GetInt64(), r[2].GetDouble(), r[3].GetInt64(), r[4].GetDouble())).ToList()
            : [];
    }

    private async Task<long> CountAsync(string database, string measurement)
    {
        using var http = new HttpClient();
        var query = Uri.EscapeDataString($"SELECT count(*) FROM \"{measurement}\" WHERE \"user\" = '{User}'");
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(_influx.Url, $"/query?db={database}&q={query}")));
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }

    [GeneratedRegex(@"Partial: (\d+) batches spooled")]
    private static partial Regex SpooledLine();

    private sealed class HeldLease(ISpoolReplayLease lease, TestHost services) : IAsyncDisposable
    {
        public IWriteSpool Spool => services.Get<IWriteSpool>();

        public async ValueTask DisposeAsync()
        {
            await lease.DisposeAsync();
            await services.DisposeAsync();
        }
    }

    private sealed record AdherenceRow(string Week, long Sessions, double ResistanceMinutes, long ProteinDaysLogged, double ScorePct);
}
