using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class ProviderCommandsTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-cli-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Auth_ThenBackfill_ThenStatus_AgainstTheSandbox()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 60 }, CancellationToken.None);
        var database = await influx.NewDatabaseAsync("cli");
        var environment = new Dictionary<string, string>
        {
            ["LIVERMUSCLE__InfluxDb__Url"] = influx.Url.ToString(),
            ["LIVERMUSCLE__InfluxDb__Database"] = database,
            ["LIVERMUSCLE__State__Path"] = Path.Combine(_directory.FullName, "state.db"),
            ["LIVERMUSCLE__Withings__ClientId"] = sandbox.ClientId,
            ["LIVERMUSCLE__Withings__ClientSecret"] = sandbox.ClientSecret,
            ["LIVERMUSCLE__Withings__ApiBaseUrl"] = sandbox.BaseUrl.ToString(),
            ["LIVERMUSCLE__Withings__AuthorizeUrl"] = sandbox.AuthorizeUrl.ToString(),
        };

        // auth: the CLI prints the consent URL and listens for the browser's redirect on loopback.
        var port = FreePort.Next();
        using (var auth = WorkerProcess.Start(_directory.FullName, environment, "auth", "withings", "--user", "zoe", "--redirect-port", port.ToString()))
        {
            var error = auth.StandardError.ReadToEndAsync();
            Uri? consent = null;
            while (await auth.StandardOutput.ReadLineAsync() is { } line && !line.StartsWith("Waiting for the redirect", StringComparison.Ordinal))
            {
                if (line.Trim().StartsWith("http", StringComparison.Ordinal))
                {
                    consent = new Uri(line.Trim());
                }
            }

            Assert.NotNull(consent);
            Assert.Equal(sandbox.BaseUrl.Authority, consent.Authority);
            using var browser = new HttpClient();
            var page = await browser.GetStringAsync(consent);
            var rest = await auth.StandardOutput.ReadToEndAsync();
            await auth.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

            Assert.True(auth.ExitCode == 0, await error);
            Assert.Contains("Authorisation received", page, StringComparison.Ordinal);
            Assert.Contains("withings for zoe: Connected", rest, StringComparison.Ordinal);
            Assert.DoesNotContain(sandbox.ClientSecret, await error, StringComparison.Ordinal);
        }

        var since = DateTimeOffset.UtcNow.AddDays(-61).ToString("yyyy-MM-dd");
        var (code, output, stderr) = await WorkerProcess.RunAsync(_directory.FullName, environment, "backfill", "--user", "zoe", "--provider", "withings", "--since", since);
        Assert.True(code == 0, stderr);
        Assert.Contains("(100.0 %)", output, StringComparison.Ordinal);
        Assert.Contains("withings for zoe: Ok", output, StringComparison.Ordinal);

        var wid = Assert.Single(sandbox.UserIds);
        var weighIns = sandbox.Groups(wid).Count(g => g.IsOwn);
        Assert.Equal(weighIns, await influx.CountAsync(database, Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));

        (code, output, stderr) = await WorkerProcess.RunAsync(_directory.FullName, environment, "status", "--user", "zoe");
        Assert.True(code == 0, stderr);
        Assert.Contains("withings: connected", output, StringComparison.Ordinal);
        Assert.Contains("access token expires", output, StringComparison.Ordinal);
        Assert.Contains("cursor body_composition:", output, StringComparison.Ordinal);
        Assert.Contains("request budget: ", output, StringComparison.Ordinal);
        Assert.Contains("last sync: ok", output, StringComparison.Ordinal);
    }
}
