using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Testing;
using Xunit;
using Xunit.Abstractions;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

public sealed class DiagTests(InfluxDbFixture influx, ITestOutputHelper output) : IClassFixture<InfluxDbFixture>
{
    private static void Mark(string text) => File.AppendAllText("/tmp/withings-diag.txt", DateTime.UtcNow.ToString("O") + " " + text + "\n");

    [Fact]
    public async Task Diag()
    {
        Mark("start");
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 1 }, CancellationToken.None);
        Mark("influx " + influx.Url);
        var task = WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        await Task.WhenAny(task, Task.Delay(8000));
        Assert.True(task.IsCompleted, "stack start hangs");
        Mark("stack started");
        await using var stack = await task;
        var auth = stack.AuthorizeAsync("carol");
        await Task.WhenAny(auth, Task.Delay(8000));
        Assert.True(auth.IsCompleted, "auth hangs; requests " + sandbox.RequestsServed);
        Mark("auth " + await auth);
    }
}
