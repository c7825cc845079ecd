using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class MarkersAndAlertsCommandTests : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly InfluxDbFixture _influx;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-markers-cli-test-");

    public MarkersAndAlertsCommandTests(InfluxDbFixture influx) => _influx = influx;

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task MarkersImport_StoresGoodRows_ReportsTheBadOne_AndIsIdempotent()
    {
        var database = await _influx.NewDatabaseAsync("cli");
        var file = Path.Combine(_directory.FullName, "labs.csv");
        await File.WriteAllTextAsync(file, "date,marker,value,unit\n2026-10-02,alt,0.7,µkat/L\n2026-10-02,ast,-1,U/L\n2026-10-02,platelets,210,10^3/µL\n");
        Assert.Equal(0, (await WorkerProcess.RunAsync(_directory.FullName, Environment(database), "people", "add", "alice")).ExitCode);

        for (var run = 0; run < 2; run++)
        {
            var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, Environment(database), "markers", "import", file, "--user", "alice");

            Assert.Equal(3, exitCode);
            Assert.Contains("stored 2 marker value(s), 1 not stored", output, StringComparison.Ordinal);
            Assert.Contains("line 3: negative value -1 U/L for ast", error, StringComparison.Ordinal);
            Assert.Equal(2, await _influx.CountAsync(database, "health_marker", "value"));
        }

        Assert.Equal(42, (await _influx.ScalarAsync("SELECT \"value\" FROM \"health_marker\" WHERE \"marker\" = 'alt'", database))!.Value.GetDouble());
    }

    [Fact]
    public async Task AlertsEvaluate_DryRun_ShowsWhatWouldFireAndWhy_ThenEvaluateAndListShowTheState()
    {
        var database = await _influx.NewDatabaseAsync("cli");
        var environment = Environment(database);
        environment["LIVERMUSCLE__Alerts__Rules__0__Id"] = "alt-high";
        environment["LIVERMUSCLE__Alerts__Rules__0__Kind"] = "MarkerAbove";
        environment["LIVERMUSCLE__Alerts__Rules__0__Marker"] = "alt";
        environment["LIVERMUSCLE__Alerts__Rules__0__Threshold"] = "33";
        environment["LIVERMUSCLE__Alerts__Rules__0__Users__0"] = "alice";
        Assert.Equal(0, (await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "add", "alice")).ExitCode);
        var add = await WorkerProcess.RunAsync(_directory.FullName, environment, "markers", "add", "--user", "alice", "--marker", "alt", "--value", "41", "--unit", "U/L", "--date", "2026-10-02");
        Assert.Equal(0, add.ExitCode);

        var dry = await WorkerProcess.RunAsync(_directory.FullName, environment, "alerts", "evaluate", "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("alt-high / alice: ok -> firing, would send firing. Latest alt 41 U/L (2026-10-02) is above the notification threshold 33 U/L.", dry.Output, StringComparison.Ordinal);
        Assert.Contains("not diagnoses", dry.Output, StringComparison.Ordinal);
        Assert.Equal(0, await _influx.CountAsync(database, "alert_event", "value"));

        Assert.Equal(0, (await WorkerProcess.RunAsync(_directory.FullName, environment, "alerts", "evaluate")).ExitCode);
        var list = await WorkerProcess.RunAsync(_directory.FullName, environment, "alerts", "list");
        Assert.Contains("rule alt-high (MarkerAbove", list.Output, StringComparison.Ordinal);
        Assert.Contains("  alice: firing since", list.Output, StringComparison.Ordinal);
        Assert.Equal(1, await _influx.CountAsync(database, "alert_event", "value", "\"state\" = 'firing'"));
    }

    [Fact]
    public async Task AlertsTest_SendsASignedTestMessageThroughTheNamedWebhook()
    {
        const string secret = "cli-test-secret";
        var (listener, url) = LoopbackListener.Start();
        using var receiving = listener;
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var body = await new StreamReader(context.Request.InputStream).ReadToEndAsync();
            var signature = context.Request.Headers["X-Signature"];
            context.Response.StatusCode = 204;
            context.Response.Close();
            return (body, signature);
        });
        var environment = Environment(await _influx.NewDatabaseAsync("cli"));
        environment["LIVERMUSCLE__Alerts__Webhooks__hook__Url"] = new Uri(url, "hook").ToString();
        environment["LIVERMUSCLE__Alerts__Webhooks__hook__Secret"] = secret;

        var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, environment, "alerts", "test", "--notifier", "hook");

        Assert.True(exitCode == 0, error);
        Assert.Contains("test message sent through hook", output, StringComparison.Ordinal);
        var (body, signature) = await received.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))), signature);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("test", json.RootElement.GetProperty("kind").GetString());
        Assert.DoesNotContain(secret, output + error, StringComparison.Ordinal);

        var unknown = await WorkerProcess.RunAsync(_directory.FullName, environment, "alerts", "test", "--notifier", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No notifier 'nope' (configured: hook)", unknown.Error, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Environment(string database)
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = _influx.Url.ToString();
        environment["LIVERMUSCLE__InfluxDb__Database"] = database;
        return environment;
    }
}
