using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using LiverMuscle.Sync.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>The shared test host is the worker's own composition, over state of its own that it removes.</summary>
public sealed class TestHostTests
{
    [Fact]
    public async Task Host_ResolvesEveryServiceTheWorkersCompositionRegisters_OnTheClockItIsGiven()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var host = TestHost.Build(new TestHostOptions { Time = time });
        var composition = new ServiceCollection().AddLiverMuscleSync(host.Get<IConfiguration>());

        var types = composition.Select(d => d.ServiceType).Where(t => !t.ContainsGenericParameters).Distinct().ToList();

        Assert.Contains(typeof(SyncRunner), types);
        using var scope = host.Services.CreateScope();
        Assert.All(types, type => Assert.NotNull(scope.ServiceProvider.GetService(type)));
        Assert.Same(time, host.Get<TimeProvider>());
    }

    [Fact]
    public async Task StateDirectory_IsPrivate_HoldsTheStateFile_AndIsGoneAfterDisposal()
    {
        string directory;
        await using (var host = TestHost.Build(new TestHostOptions()))
        {
            directory = host.StateDirectory;
            await host.Get<IUserStore>().UpsertAsync(new UserRecord("alice", "UTC", DateTimeOffset.UnixEpoch), CancellationToken.None);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
            Assert.True(File.Exists(Path.Combine(directory, "state.db")));
        }

        Assert.False(Directory.Exists(directory));
    }

    [Theory]
    [InlineData(BackgroundWork.SpoolReplayOnly, new[] { "SpoolReplayService" })]
    [InlineData(BackgroundWork.All, new[] { "AdherenceScheduler", "AlertEvaluationService", "SpoolReplayService", "SyncScheduler" })]
    public async Task Background_RunsTheWorkersOwnServicesAsked(BackgroundWork background, string[] among)
    {
        await using var host = await TestHost.StartAsync(new TestHostOptions { Background = background });

        var running = host.GetAll<IHostedService>().Select(h => h.GetType()).Where(t => t.Namespace!.StartsWith("LiverMuscle.Sync.", StringComparison.Ordinal)).Select(t => t.Name).ToList();

        Assert.All(among, name => Assert.Contains(name, running));
        if (background == BackgroundWork.SpoolReplayOnly)
        {
            Assert.Equal(["SpoolReplayService"], running.Where(name => name != "IdleHostedService"));
        }

        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(new Uri(host.Url, "/healthz")));
    }
}
