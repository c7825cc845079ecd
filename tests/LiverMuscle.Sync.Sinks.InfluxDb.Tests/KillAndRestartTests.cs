using System.Diagnostics;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Testing;
using Xunit;
using Xunit.Abstractions;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>
/// A writer process (livermuscle-bench produce: the real sink, the real SQLite spool, a cursor saved after each
/// durable batch) is killed with SIGKILL while InfluxDB is down and its batches are being spooled; restarted, it
/// replays the spool and resumes from its cursor. Exactly 100,000 points end up in InfluxDB.
/// </summary>
public sealed class KillAndRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Total = 100_000;
    private LocalInfluxDbServer _server = null!;
    private DirectoryInfo _directory = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalInfluxDbServer.StartNewAsync(null, CancellationToken.None);
        _directory = Directory.CreateTempSubdirectory("livermuscle-kill-");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Producer_KilledMidStreamWhileSpooling_RestartsAndDeliversEveryPointOnce()
    {
        var progress = 0L;
        using (var first = StartProducer(line => Interlocked.Exchange(ref progress, ParseWritten(line) ?? Interlocked.Read(ref progress))))
        {
            await WaitUntilAsync(() => Interlocked.Read(ref progress) >= 30_000, TimeSpan.FromMinutes(2));
            await _server.StopAsync();
            var atStop = Interlocked.Read(ref progress);
            await WaitUntilAsync(() => Interlocked.Read(ref progress) >= atStop + 10_000, TimeSpan.FromMinutes(2));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            output.WriteLine($"killed after {Interlocked.Read(ref progress)} points (InfluxDB stopped at {atStop})");
        }

        Assert.True(Interlocked.Read(ref progress) < Total, "the producer must be killed mid-stream");
        await _server.StartAsync(CancellationToken.None);
        using (var second = StartProducer(_ => { }))
        {
            await second.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.Equal(0, second.ExitCode);
        }

        await using var counter = new InfluxDbCounter(_server.Url);
        Assert.Equal(Total, await counter.CountAsync("killed", Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
    }

    private Process StartProducer(Action<string> onLine)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                BenchmarkDll(), "produce", "--influx", _server.Url.ToString(), "--db", "killed",
                "--state", Path.Combine(_directory.FullName, "state.db"), "--count", Total.ToString(System.Globalization.CultureInfo.InvariantCulture), "--batch", "1000",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                onLine(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.WriteLine("producer: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static long? ParseWritten(string line) =>
        line.StartsWith("written ", StringComparison.Ordinal) ? long.Parse(line["written ".Length..], System.Globalization.CultureInfo.InvariantCulture) : null;

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException("condition not reached in " + timeout);
            }

            await Task.Delay(20);
        }
    }

    private static string BenchmarkDll()
    {
        // This assembly runs from tests/<project>/bin/<configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(SharedData.RepositoryRoot, "tests", "LiverMuscle.Sync.Benchmarks", "bin", configuration, "net10.0", "livermuscle-bench.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build tests/LiverMuscle.Sync.Benchmarks first (dotnet build LiverMuscle.Sync.sln).", dll);
    }
}
