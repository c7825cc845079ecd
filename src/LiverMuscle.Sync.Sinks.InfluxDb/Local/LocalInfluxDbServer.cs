using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Local;

/// <summary>
/// Runs a private <c>influxd</c> (InfluxDB 1.x) bound to loopback on free ports with its own data directory. Used by
/// the demo when no InfluxDB is configured, and by tests, which always talk to a real server. The same data
/// directory and ports survive <see cref="StopAsync"/> / <see cref="StartAsync"/>, so an outage can be staged.
/// </summary>
public sealed class LocalInfluxDbServer : IAsyncDisposable
{
    private readonly string _binary;
    private readonly bool _ownsDirectory;
    private Process? _process;

    private LocalInfluxDbServer(string binary, string directory, bool ownsDirectory, int httpPort, int rpcPort)
    {
        _binary = binary;
        DataDirectory = directory;
        _ownsDirectory = ownsDirectory;
        HttpPort = httpPort;
        RpcPort = rpcPort;
    }

    public string DataDirectory { get; }

    public int HttpPort { get; }

    public int RpcPort { get; }

    public Uri Url => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Finds <c>influxd</c> on PATH (or <c>INFLUXD</c>), picks free loopback ports and starts it.</summary>
    public static async Task<LocalInfluxDbServer> StartNewAsync(string? dataDirectory, CancellationToken cancellationToken)
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "influxd was not found on PATH (nor in $INFLUXD). Install InfluxDB 1.x, e.g. 'apt-get install -y influxdb' on Debian.");
        var owns = dataDirectory is null;
        var directory = dataDirectory ?? Directory.CreateTempSubdirectory("livermuscle-influx-").FullName;
        Directory.CreateDirectory(directory);
        var server = new LocalInfluxDbServer(binary, directory, owns, FreePort(), FreePort());
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        var config = Path.Combine(DataDirectory, "influxdb.conf");
        await File.WriteAllTextAsync(config, RenderConfig(), cancellationToken);
        var start = new ProcessStartInfo(_binary)
        {
            ArgumentList = { "run", "-config", config },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_binary}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPingAsync(cancellationToken);
    }

    /// <summary>Stops the server (SIGKILL-like: no graceful flush is needed, the WAL makes writes durable).</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }

    private string RenderConfig() => $"""
        reporting-disabled = true
        bind-address = "127.0.0.1:{RpcPort}"

        [meta]
          dir = "{Path.Combine(DataDirectory, "meta")}"
          logging-enabled = false

        [data]
          dir = "{Path.Combine(DataDirectory, "data")}"
          wal-dir = "{Path.Combine(DataDirectory, "wal")}"
          query-log-enabled = false
          trace-logging-enabled = false

        [http]
          enabled = true
          bind-address = "127.0.0.1:{HttpPort}"
          log-enabled = false
          auth-enabled = false

        [logging]
          level = "error"
          suppress-logo = true

        [monitor]
          store-enabled = false

        [continuous_queries]
          enabled = false

        [subscriber]
          enabled = false
        """;

    private async Task WaitForPingAsync(CancellationToken cancellationToken)
    {
#pragma warning disable RS0030 // A one-off readiness probe of the influxd process this class started, before any container exists.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
#pragma warning restore RS0030
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited at start (code {_process?.ExitCode}); config in {DataDirectory}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/ping"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.NoContent || response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }

        throw new TimeoutException($"influxd did not answer /ping on {Url} within 60 s.");
    }

    private static string? FindBinary()
    {
        var configured = Environment.GetEnvironmentVariable("INFLUXD");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator)
            .Append("/usr/bin")
            .Append("/usr/local/bin")
            .Select(dir => Path.Combine(dir, "influxd"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
