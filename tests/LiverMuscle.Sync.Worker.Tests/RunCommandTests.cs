using System.Net;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class RunCommandTests : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly InfluxDbFixture _influx;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-run-test-");

    public RunCommandTests(InfluxDbFixture influx) => _influx = influx;

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Run_ServesHealthAndReadinessOnLoopback()
    {
        var port = FreePort.Next();
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = _influx.Url.ToString();
        environment["LIVERMUSCLE__Sync__Push__ListenUrl"] = $"http://127.0.0.1:{port}";
        using var worker = WorkerProcess.Start(_directory.FullName, environment, "run");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            var health = await PollAsync(http, new Uri($"http://127.0.0.1:{port}/healthz"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    private static async Task<HttpResponseMessage> PollAsync(HttpClient http, Uri url)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetAsync(url);
            }
            catch (HttpRequestException) when (attempt < 150)
            {
                await Task.Delay(200);
            }
        }
    }
}
