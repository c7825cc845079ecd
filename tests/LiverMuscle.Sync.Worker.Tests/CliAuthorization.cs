using LiverMuscle.Sync.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>Connects a person through the real executable in two runs, the way a machine without a browser does.</summary>
internal static class CliAuthorization
{
    /// <summary>
    /// First run: <c>auth … --no-wait</c> prints the consent URL and exits. Then a browser that does not follow
    /// redirects opens it: the sandbox consents and answers with the redirect to the loopback callback nobody listens on.
    /// </summary>
    public static async Task<(Uri Consent, string Redirect)> StartAndConsentAsync(DirectoryInfo directory, Dictionary<string, string> environment, string provider, string user, params string[] extra)
    {
        var port = FreePort.Next().ToString();
        var first = await WorkerProcess.RunAsync(directory.FullName, environment, ["auth", provider, "--user", user, "--redirect-port", port, "--no-wait", .. extra]);
        Assert.True(first.ExitCode == 0, first.Error);
        var line = Assert.Single(first.Output.Split('\n'), l => l.Trim().StartsWith("http", StringComparison.Ordinal)).Trim();
        Assert.DoesNotContain(' ', line);
        var consent = new Uri(line);
        Assert.Equal($"http://127.0.0.1:{port}/callback", QueryHelpers.ParseQuery(consent.Query)["redirect_uri"].ToString());
        Assert.Contains($"livermuscle-sync auth {provider} --user {user} --redirect-url 'ADDRESS'", first.Output, StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(consent);
        var location = answer.Headers.Location ?? throw new InvalidOperationException($"The consent page answered {(int)answer.StatusCode} without a redirect.");
        Assert.StartsWith($"http://127.0.0.1:{port}/callback?", location.AbsoluteUri, StringComparison.Ordinal);
        return (consent, location.AbsoluteUri);
    }

    /// <summary>Both runs; asserts the person is connected.</summary>
    public static async Task ConnectAsync(DirectoryInfo directory, Dictionary<string, string> environment, string provider, string user)
    {
        var (_, redirect) = await StartAndConsentAsync(directory, environment, provider, user);
        var second = await WorkerProcess.RunAsync(directory.FullName, environment, "auth", provider, "--user", user, "--redirect-url", redirect);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains($"{provider} for {user}: Connected", second.Output, StringComparison.Ordinal);
    }
}
