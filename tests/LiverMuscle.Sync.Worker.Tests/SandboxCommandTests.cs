using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class SandboxCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-sandbox-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Sandbox_PrintsSettingsThatReachBothSandboxes_AndAddsAWeighInTypedOnStdin()
    {
        using var sandbox = WorkerProcess.StartWithInput(_directory.FullName, "sandbox", "--withings-port", "0", "--google-port", "0", "--people", "2", "--days", "10");
        try
        {
            var printed = new StringBuilder();
            string? line;
            while ((line = await sandbox.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))) is not null && !line.StartsWith("Type 'people'", StringComparison.Ordinal))
            {
                printed.AppendLine(line);
            }

            var text = printed.ToString();
            Assert.Contains("2 people at start, 10 days of history each", text, StringComparison.Ordinal);
            var settings = JsonNode.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..])!;
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
            var consent = await http.GetAsync(new Uri($"{settings["Withings"]!["AuthorizeUrl"]}?response_type=code&client_id={settings["Withings"]!["ClientId"]}&state=s&scope=user.metrics&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback"));
            Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
            Assert.StartsWith("http://127.0.0.1/callback?code=", consent.Headers.Location!.ToString(), StringComparison.Ordinal);
            var token = await http.PostAsync(new Uri(settings["Fitbit"]!["TokenUrl"]!.ToString()), new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "unknown" }));
            Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
            Assert.Equal("sandbox-google-client", settings["Fitbit"]!["ClientId"]!.ToString());

            await sandbox.StandardInput.WriteLineAsync("people");
            // The consent above created a third person, as an authorisation does.
            Assert.Equal("Withings users: 1000001, 1000002, 1000003", await sandbox.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.StartsWith("Google Health users: ", await sandbox.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
            await sandbox.StandardInput.WriteLineAsync("weigh-in 1000002 71.5");
            Assert.StartsWith("Added a weigh-in of 71.5 kg for Withings user 1000002", await sandbox.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
            await sandbox.StandardInput.WriteLineAsync("weigh-in 42 71.5");
            Assert.StartsWith("Not understood: 'weigh-in 42 71.5'", await sandbox.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
        }
        finally
        {
            sandbox.Kill(entireProcessTree: true);
            await sandbox.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--days", "0", "--days must be 1 to 3650, got 0.")]
    [InlineData("--people", "-1", "--people must be 0 to 100000, got -1.")]
    [InlineData("--withings-port", "70000", "--withings-port must be 0 to 65535, got 70000.")]
    public async Task Sandbox_WithAnOptionOutOfRange_StopsWithUsageNamingIt(string option, string value, string message)
    {
        var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, null, "sandbox", option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(message, error.Trim());
        Assert.Empty(output);
    }
}
