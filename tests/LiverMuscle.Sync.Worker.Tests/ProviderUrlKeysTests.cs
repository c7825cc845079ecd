using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>Every documented provider URL key has its effect: each points at its own loopback server, and the calls arrive there.</summary>
public sealed class ProviderUrlKeysTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-urls-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task WithingsApiBaseUrlAuthorizeUrlAndTokenUrl_EachReceiveTheirCalls()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 3 }, CancellationToken.None);
        await using var api = await RecordingProxy.StartAsync(sandbox.BaseUrl);
        await using var authorize = await RecordingProxy.StartAsync(sandbox.BaseUrl);
        await using var token = await RecordingProxy.StartAsync(sandbox.BaseUrl);
        var environment = await EnvironmentAsync();
        environment["LIVERMUSCLE__Withings__ClientId"] = sandbox.ClientId;
        environment["LIVERMUSCLE__Withings__ClientSecret"] = sandbox.ClientSecret;
        environment["LIVERMUSCLE__Withings__ApiBaseUrl"] = api.Url.ToString();
        environment["LIVERMUSCLE__Withings__AuthorizeUrl"] = new Uri(authorize.Url, "oauth2_user/authorize2").ToString();
        environment["LIVERMUSCLE__Withings__TokenUrl"] = new Uri(token.Url, "v2/oauth2").ToString();

        var (consent, redirect) = await CliAuthorization.StartAndConsentAsync(_directory, environment, "withings", "ada");
        var connected = await WorkerProcess.RunAsync(_directory.FullName, environment, "auth", "withings", "--user", "ada", "--redirect-url", redirect);
        Assert.True(connected.ExitCode == 0, connected.Error);
        await StoredTokens.ExpireAsync(_directory, "ada", "withings");
        var synced = await WorkerProcess.RunAsync(_directory.FullName, environment, "sync", "--user", "ada");
        Assert.True(synced.ExitCode == 0, synced.Error);

        Assert.StartsWith(authorize.Url.AbsoluteUri, consent.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(["GET /oauth2_user/authorize2"], authorize.Requests);
        Assert.Equal(["POST /v2/oauth2", "POST /v2/oauth2"], token.Requests);
        Assert.Contains("POST /measure", api.Requests);
        Assert.Contains("POST /v2/measure", api.Requests);
        Assert.All(api.Requests, r => Assert.Matches("^POST /(measure|v2/measure)$", r));
    }

    [Fact]
    public async Task FitbitApiBaseUrlAuthorizeUrlTokenUrlAndRevokeUrl_EachReceiveTheirCalls()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 3 }, CancellationToken.None);
        await using var api = await RecordingProxy.StartAsync(sandbox.BaseUrl);
        await using var authorize = await RecordingProxy.StartAsync(sandbox.BaseUrl);
        await using var token = await RecordingProxy.StartAsync(sandbox.BaseUrl);
        await using var revoke = await RecordingProxy.StartAsync(sandbox.BaseUrl);
        var environment = await EnvironmentAsync();
        environment["LIVERMUSCLE__Fitbit__ClientId"] = sandbox.ClientId;
        environment["LIVERMUSCLE__Fitbit__ClientSecret"] = sandbox.ClientSecret;
        environment["LIVERMUSCLE__Fitbit__ApiBaseUrl"] = api.Url.ToString();
        environment["LIVERMUSCLE__Fitbit__AuthorizeUrl"] = new Uri(authorize.Url, "o/oauth2/v2/auth").ToString();
        environment["LIVERMUSCLE__Fitbit__TokenUrl"] = new Uri(token.Url, "token").ToString();
        environment["LIVERMUSCLE__Fitbit__RevokeUrl"] = new Uri(revoke.Url, "revoke").ToString();

        var (consent, redirect) = await CliAuthorization.StartAndConsentAsync(_directory, environment, "fitbit", "bea");
        var connected = await WorkerProcess.RunAsync(_directory.FullName, environment, "auth", "fitbit", "--user", "bea", "--redirect-url", redirect);
        Assert.True(connected.ExitCode == 0, connected.Error);
        await StoredTokens.ExpireAsync(_directory, "bea", "fitbit");
        var synced = await WorkerProcess.RunAsync(_directory.FullName, environment, "sync", "--user", "bea");
        Assert.True(synced.ExitCode == 0, synced.Error);
        var removed = await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "remove", "bea");
        Assert.True(removed.ExitCode == 0, removed.Error);

        Assert.StartsWith(authorize.Url.AbsoluteUri, consent.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(["GET /o/oauth2/v2/auth"], authorize.Requests);
        Assert.Equal(["POST /token", "POST /token"], token.Requests);
        Assert.Equal(["POST /revoke"], revoke.Requests);
        Assert.Contains(api.Requests, r => r.Contains("/dataTypes/", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Requests, r => r.EndsWith("/token", StringComparison.Ordinal) || r.EndsWith("/revoke", StringComparison.Ordinal) || r.Contains("/oauth2/", StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, string>> EnvironmentAsync()
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = influx.Url.ToString();
        environment["LIVERMUSCLE__InfluxDb__Database"] = await influx.NewDatabaseAsync("urls");
        return environment;
    }
}
