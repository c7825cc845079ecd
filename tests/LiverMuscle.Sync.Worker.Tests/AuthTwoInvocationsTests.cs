using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Providers.GoogleHealth.Tokens;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>
/// The path for a machine without a browser: <c>auth … --no-wait</c> prints the consent URL and exits; the URL the
/// browser ends on is given to a second run with <c>--redirect-url</c>, which completes it once.
/// </summary>
public sealed class AuthTwoInvocationsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-auth-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    private Dictionary<string, string> WithingsEnvironment(WithingsSandbox sandbox)
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__Withings__ClientId"] = sandbox.ClientId;
        environment["LIVERMUSCLE__Withings__ClientSecret"] = sandbox.ClientSecret;
        environment["LIVERMUSCLE__Withings__ApiBaseUrl"] = sandbox.BaseUrl.ToString();
        environment["LIVERMUSCLE__Withings__AuthorizeUrl"] = sandbox.AuthorizeUrl.ToString();
        return environment;
    }

    [Fact]
    public async Task AuthWithings_RedirectUrlInASecondRun_ConnectsThePerson_AndTheSameUrlIsRefusedAfterwards()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        var environment = WithingsEnvironment(sandbox);

        var (consent, redirect) = await CliAuthorization.StartAndConsentAsync(_directory, environment, "withings", "zoe");
        Assert.Equal("user.metrics,user.activity", QueryHelpers.ParseQuery(consent.Query)["scope"].ToString());

        var second = await WorkerProcess.RunAsync(_directory.FullName, environment, "auth", "withings", "--user", "zoe", "--redirect-url", redirect);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("withings for zoe: Connected", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.ClientSecret, second.Output + second.Error, StringComparison.Ordinal);

        var again = await WorkerProcess.RunAsync(_directory.FullName, environment, "auth", "withings", "--user", "zoe", "--redirect-url", redirect);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(
            "This authorisation was completed already: a consent URL and its redirect work once; start again with 'livermuscle-sync auth withings --user zoe'.",
            again.Error.Trim());

        var show = await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "show", "zoe");
        Assert.Contains("time zone: UTC (default until a provider reports one)", show.Output, StringComparison.Ordinal);
        Assert.Contains("withings: connected (access token until ", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthWithings_TheRedirectPastedOnStandardInput_ConnectsThePerson()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        var environment = WithingsEnvironment(sandbox);
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        using var auth = WorkerProcess.StartWithInput(_directory.FullName, environment, "auth", "withings", "--user", "zoe", "--redirect-port", port);
        var output = new StringBuilder();
        string? line;
        while ((line = await auth.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))) is not null && !line.Trim().StartsWith("http", StringComparison.Ordinal))
        {
            output.AppendLine(line);
        }

        Assert.True(line is not null, output.ToString());
        // The browser ends on the loopback redirect of another machine: nothing reaches the listener, the address is pasted.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(new Uri(line.Trim()));
        await auth.StandardInput.WriteLineAsync(answer.Headers.Location!.AbsoluteUri);
        await auth.StandardInput.FlushAsync();
        var rest = await auth.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await auth.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(auth.ExitCode == 0, await auth.StandardError.ReadToEndAsync());
        Assert.Contains("withings for zoe: Connected", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthFitbit_RedirectUrlInASecondRun_ConnectsThePerson_OnlyForThePersonItWasStartedFor()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__Fitbit__ClientId"] = sandbox.ClientId;
        environment["LIVERMUSCLE__Fitbit__ClientSecret"] = sandbox.ClientSecret;
        environment["LIVERMUSCLE__Fitbit__ApiBaseUrl"] = sandbox.BaseUrl.ToString();
        environment["LIVERMUSCLE__Fitbit__AuthorizeUrl"] = sandbox.AuthorizeUrl.ToString();
        environment["LIVERMUSCLE__Fitbit__TokenUrl"] = sandbox.TokenUrl.ToString();

        var (consent, redirect) = await CliAuthorization.StartAndConsentAsync(_directory, environment, "fitbit", "yan", "--time-zone", "Asia/Tokyo");
        var query = QueryHelpers.ParseQuery(consent.Query);
        Assert.Equal(string.Join(' ', GoogleAuthorizationFlow.Scopes), query["scope"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal("offline", query["access_type"].ToString());

        var other = await WorkerProcess.RunAsync(_directory.FullName, environment, "auth", "fitbit", "--user", "mallory", "--redirect-url", redirect);
        Assert.Equal(2, other.ExitCode);
        Assert.StartsWith("This redirect belongs to the fitbit authorisation of 'yan', not to fitbit for 'mallory'", other.Error, StringComparison.Ordinal);

        // The mismatch used the redirect up: a fresh consent connects yan.
        (_, redirect) = await CliAuthorization.StartAndConsentAsync(_directory, environment, "fitbit", "yan");
        var second = await WorkerProcess.RunAsync(_directory.FullName, environment, "auth", "fitbit", "--user", "yan", "--redirect-url", redirect);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("fitbit for yan: Connected", second.Output, StringComparison.Ordinal);
        Assert.Single(sandbox.UserIds, sandbox.HasLiveGrant);

        var show = await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "show", "yan");
        Assert.Contains("time zone: Asia/Tokyo (the person's own)", show.Output, StringComparison.Ordinal);
    }
}
