using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;
using Xunit.Abstractions;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>
/// Two processes on one state file refresh one rotating Withings token at the same moment, against a slow token
/// endpoint that retires a refresh token once its successor's access token is used: one refresh, the other process
/// uses the stored pair, and nobody is logged out.
/// </summary>
public sealed class TwoProcessRefreshTests(InfluxDbFixture influx, ITestOutputHelper output) : IClassFixture<InfluxDbFixture>, IDisposable
{
    private const int Trials = 20;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-refresh-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task TwoSyncsRefreshingOneRotatingToken_TwentyTimes_ThePersonStaysConnected_AndEachRefreshTokenIsUsedOnce()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 2, TokenDelay = TimeSpan.FromSeconds(1.5) }, CancellationToken.None);
        var environment = await WithingsEnvironment.ForAsync(_directory, influx, sandbox);
        await CliAuthorization.ConnectAsync(_directory, environment, "withings", "zoe");
        var wid = long.Parse((await StoredTokens.GetAsync(_directory, "zoe", "withings"))!.Token!.ProviderUserId!, System.Globalization.CultureInfo.InvariantCulture);

        for (var trial = 1; trial <= Trials; trial++)
        {
            await StoredTokens.ExpireAsync(_directory, "zoe", "withings");
            var runs = await Task.WhenAll(
                WorkerProcess.RunAsync(_directory.FullName, environment, "sync", "--user", "zoe", "--provider", "withings"),
                WorkerProcess.RunAsync(_directory.FullName, environment, "sync", "--user", "zoe", "--provider", "withings"));

            Assert.All(runs, run => Assert.True(run.ExitCode == 0, $"trial {trial}: {run.Output}{run.Error}"));
            var connection = await StoredTokens.GetAsync(_directory, "zoe", "withings");
            Assert.True(connection!.Status == ConnectionStatus.Connected, $"trial {trial}: {connection.Status} ({connection.StatusReason})");
            Assert.Equal(trial, sandbox.RefreshCount(wid));
        }

        var uses = sandbox.RefreshTokenUses(wid);
        output.WriteLine($"{Trials} trials: {sandbox.RefreshCount(wid)} refreshes, refresh token uses {string.Join(',', uses)}");
        Assert.All(uses, used => Assert.InRange(used, 0, 1));
        Assert.Equal(Trials, uses.Sum());

        // Both processes took their requests from one shared budget: Withings never had to refuse one.
        Assert.Equal(0, sandbox.RateLimitedAnswers);
    }
}
