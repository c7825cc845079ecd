using System.Diagnostics;
using System.Globalization;
using LiverMuscle.Sync.Testing;
using Xunit.Abstractions;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>
/// <c>livermuscle-bench produce</c> in its own process: the real sink and SQLite spool, a cursor saved after each
/// durable batch, "written N" printed as it goes.
/// </summary>
internal sealed class ProducerProcess : IDisposable
{
    private readonly Process _process;
    private long _written;

    private ProducerProcess(Process process) => _process = process;

    /// <summary>Points written so far (accepted or spooled), as the producer printed them.</summary>
    public long Written => Interlocked.Read(ref _written);

    public int ExitCode => _process.ExitCode;

    public static ProducerProcess Start(Uri influx, string database, string statePath, long count, ITestOutputHelper output, bool drain = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                BenchmarkDll(), "produce", "--influx", influx.ToString(), "--db", database, "--state", statePath,
                "--count", count.ToString(CultureInfo.InvariantCulture), "--batch", "1000", "--drain", drain ? "yes" : "no",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var producer = new ProducerProcess(Process.Start(start)!);
        producer._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("written ", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref producer._written, long.Parse(line["written ".Length..], CultureInfo.InvariantCulture));
            }
        };
        producer._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.WriteLine("producer: " + line);
            }
        };
        producer._process.BeginOutputReadLine();
        producer._process.BeginErrorReadLine();
        return producer;
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose() => _process.Dispose();

    private static string BenchmarkDll()
    {
        // This assembly runs from tests/<project>/bin/<configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(SharedData.RepositoryRoot, "tests", "LiverMuscle.Sync.Benchmarks", "bin", configuration, "net10.0", "livermuscle-bench.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build tests/LiverMuscle.Sync.Benchmarks first (dotnet build LiverMuscle.Sync.sln).", dll);
    }
}
