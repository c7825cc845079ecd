using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Testing;
using Xunit;
using Xunit.Abstractions;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>
/// A writer process (livermuscle-bench produce: the real sink, the real SQLite spool, a cursor saved after each
/// durable batch) is killed with SIGKILL while InfluxDB is down and its batches are being spooled; restarted, it
/// replays the spool and resumes from its cursor. Exactly 300,000 points end up in InfluxDB.
/// </summary>
public sealed class KillAndRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Total = 300_000;
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
        var state = Path.Combine(_directory.FullName, "state.db");
        long killedAt;
        using (var first = ProducerProcess.Start(_server.Url, "killed", state, Total, output))
        {
            await Eventually.TrueAsync(() => first.Written >= 30_000, TimeSpan.FromMinutes(2), "30,000 points written");
            await _server.StopAsync();
            var atStop = first.Written;
            await Eventually.TrueAsync(() => first.Written >= atStop + 10_000, TimeSpan.FromMinutes(2), "10,000 more points spooled");
            await first.KillAsync();
            killedAt = first.Written;
            output.WriteLine($"killed after {killedAt} points (InfluxDB stopped at {atStop})");
        }

        Assert.True(killedAt < Total, "the producer must be killed mid-stream");
        await _server.StartAsync(CancellationToken.None);
        using (var second = ProducerProcess.Start(_server.Url, "killed", state, Total, output))
        {
            await second.WaitForExitAsync(TimeSpan.FromMinutes(3));
            Assert.Equal(0, second.ExitCode);
        }

        await using var counter = new InfluxDbCounter(_server.Url);
        Assert.Equal(Total, await counter.CountAsync("killed", Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
    }
}
