using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class DashboardsCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-dashboards-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Export_WritesTheCheckedInDashboards_ThenReportsThemUnchanged()
    {
        var output = Path.Combine(_directory.FullName, "out");

        var first = await WorkerProcess.RunAsync(_directory.FullName, ConfigurationTests.StateIn(_directory), "dashboards", "export", "--out", output);
        var second = await WorkerProcess.RunAsync(_directory.FullName, ConfigurationTests.StateIn(_directory), "dashboards", "export", "--out", output);

        Assert.True(first.ExitCode == 0, first.Error);
        var checkedIn = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "dashboards"), "*.json").Order(StringComparer.Ordinal).ToList();
        var exported = Directory.GetFiles(output, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(checkedIn.Select(Path.GetFileName), exported.Select(Path.GetFileName));
        Assert.All(checkedIn.Zip(exported), pair => Assert.Equal(File.ReadAllText(pair.First), File.ReadAllText(pair.Second)));
        Assert.Equal(checkedIn.Count, first.Output.Split('\n').Count(l => l.StartsWith("written", StringComparison.Ordinal)));
        Assert.Equal(checkedIn.Count, second.Output.Split('\n').Count(l => l.StartsWith("unchanged", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Provision_WithoutGrafanaUrl_SaysWhatToConfigure()
    {
        var (exitCode, _, error) = await WorkerProcess.RunAsync(_directory.FullName, ConfigurationTests.StateIn(_directory), "dashboards", "provision");

        Assert.Equal(2, exitCode);
        Assert.Contains("Grafana:Url is not configured", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_WithUrlButNoToken_IsAConfigurationError()
    {
        var (exitCode, _, error) = await WorkerProcess.RunAsync(_directory.FullName, ConfigurationTests.StateIn(_directory), "dashboards", "provision", "--set", "Grafana:Url=http://127.0.0.1:3000");

        Assert.Equal(2, exitCode);
        Assert.Contains("Grafana:ServiceAccountToken is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_UnreachableGrafana_FailsWithAClearMessage()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var (exitCode, _, error) = await WorkerProcess.RunAsync(
            _directory.FullName,
            ConfigurationTests.StateIn(_directory),
            "dashboards", "provision", "--set", $"Grafana:Url={url}", "--set", "Grafana:ServiceAccountToken=glsa_secret_token_value", "--set", "Grafana:RetryBaseDelay=00:00:00.010");

        Assert.Equal(1, exitCode);
        Assert.Contains($"Grafana at {url}/ is unreachable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("glsa_secret_token_value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewDemo_RendersEveryPanelAsAPng_WithoutAQueryFailing()
    {
        var output = Path.Combine(_directory.FullName, "preview");

        var (exitCode, stdout, error) = await WorkerProcess.RunAsync(_directory.FullName, ConfigurationTests.StateIn(_directory), "dashboards", "preview", "--demo", "--days", "120", "--out", output);

        Assert.True(exitCode == 0, error);
        var pngs = Directory.GetFiles(output, "*.png", SearchOption.AllDirectories);
        Assert.Equal(28, pngs.Length);
        Assert.All(pngs, png =>
        {
            var bytes = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);

            // Every demo run succeeds, so only the table of failed runs is empty; every other panel draws data.
            if (!png.EndsWith("recent-failed-or-partial-runs.png", StringComparison.Ordinal))
            {
                Assert.True(bytes.Length > 5_000, $"{png} is only {bytes.Length} bytes");
            }
        });
        Assert.Contains("Rendered 28 panels", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stdout.Split('\n'), line => line.StartsWith("  livermuscle-", StringComparison.Ordinal));
    }
}
