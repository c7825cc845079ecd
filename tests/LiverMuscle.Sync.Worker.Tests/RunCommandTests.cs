using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
            Assert.Equal($"Listening on http://127.0.0.1:{port} (/healthz, /readyz, push endpoints); Ctrl+C stops.", await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Readiness_WhileInfluxDbHangs_Answers503WithinAboutTwoSeconds()
    {
        using var hanging = new TcpListener(IPAddress.Loopback, 0);
        hanging.Start();
        var held = new List<Socket>();
        using var stop = new CancellationTokenSource();
        var accepting = AcceptAndNeverAnswerAsync(hanging, held, stop.Token);
        var port = FreePort.Next();
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = $"http://127.0.0.1:{((IPEndPoint)hanging.LocalEndpoint).Port}";
        environment["LIVERMUSCLE__Sync__Push__ListenUrl"] = $"http://127.0.0.1:{port}";
        using var worker = WorkerProcess.Start(_directory.FullName, environment, "run");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            await PollAsync(http, new Uri($"http://127.0.0.1:{port}/healthz"));
            var clock = Stopwatch.StartNew();
            var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
            clock.Stop();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5));
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            await stop.CancelAsync();
            hanging.Stop();
            await accepting;
            held.ForEach(socket => socket.Dispose());
        }
    }

    private static async Task AcceptAndNeverAnswerAsync(TcpListener listener, List<Socket> held, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                held.Add(await listener.AcceptSocketAsync(cancellationToken));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The test is over.
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
