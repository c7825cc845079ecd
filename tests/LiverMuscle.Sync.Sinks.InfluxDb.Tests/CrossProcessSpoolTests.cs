using System.Text;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sinks.InfluxDb.Local;
using LiverMuscle.Sync.Sinks.InfluxDb.Writing;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Xunit;
using Xunit.Abstractions;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>Processes sharing one state store share its spool: any of them drains what another kept, one at a time.</summary>
public sealed class CrossProcessSpoolTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LocalInfluxDbServer _server = null!;
    private DirectoryInfo _directory = null!;

    private string StatePath => Path.Combine(_directory.FullName, "state.db");

    public async Task InitializeAsync()
    {
        _server = await LocalInfluxDbServer.StartNewAsync(null, CancellationToken.None);
        _directory = Directory.CreateTempSubdirectory("livermuscle-shared-spool-");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task ReplayService_BatchesAnotherProcessSpooledWhileItRan_AreDrainedWithoutARestart()
    {
        await using var worker = await SinkHarness.StartAsync(_server.Url, "shared", new Dictionary<string, string?> { ["State:Path"] = StatePath });
        var spool = worker.Get<IWriteSpool>();
        await _server.StopAsync();

        using (var other = ProducerProcess.Start(_server.Url, "shared", StatePath, 5_000, output, drain: false))
        {
            await other.WaitForExitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal((0, 5_000L), (other.ExitCode, other.Written));
        }

        Assert.Equal(5, await spool.CountAsync(CancellationToken.None));
        await _server.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => await spool.CountAsync(CancellationToken.None) == 0, TimeSpan.FromMinutes(1), "the spool drained by the running replayer");

        await using var counter = new InfluxDbCounter(_server.Url);
        Assert.Equal(5_000, await counter.CountAsync("shared", Measurements.BodyComposition, FieldNames.BodyComposition.WeightKg));
        Assert.NotNull((await worker.Get<Normalization.ISinkStatus>().GetAsync(CancellationToken.None)).LastSuccessfulWriteAt);
    }

    [Fact]
    public async Task ReplayAsync_TwoProcessesAtOnce_SendEveryBatchOnceAndInOrder()
    {
        await using var server = new ScriptedInfluxServer();
        var settings = new Dictionary<string, string?> { ["State:Path"] = StatePath, ["InfluxDb:ReplayInterval"] = "01:00:00" };
        await using var one = await SinkHarness.StartAsync(server.Url, "db", settings);
        await using var other = await SinkHarness.StartAsync(server.Url, "db", settings);
        var lines = TestPoints.WeighIns(0, 40).Select(p => LineProtocol.LineProtocolEncoder.Encode(p, LineProtocol.WritePrecision.Seconds)).ToList();
        foreach (var line in lines)
        {
            await one.Get<IWriteSpool>().EnqueueAsync(WriteBatch.LinesSpoolKind, Encoding.UTF8.GetBytes(line), CancellationToken.None);
        }

        var replayers = new[] { one, other, one, other }.Select(h => Task.Run(async () =>
        {
            while (await h.Get<SpoolingBatchSender>().ReplayAsync(CancellationToken.None) > 0)
            {
            }
        }));
        await Task.WhenAll(replayers).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(lines, server.Writes);
        Assert.Equal(0, await other.Get<IWriteSpool>().CountAsync(CancellationToken.None));
    }
}
