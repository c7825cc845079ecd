using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

public sealed class RequestPathTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task Refused401_RefreshesOnce_SendsAgain_AndCountsBothAttempts()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("lou", sandbox, TimeProvider.System);
        var before = sandbox.DataRequests.Count;
        sandbox.InjectFailures(401, 1);

        var run = await stack.SyncAsync("lou", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        Assert.Equal(1, sandbox.RefreshCount(id));
        Assert.Equal(sandbox.DataRequests.Count - before, run.Requests);

        // The data kinds read side by side: the refused request is sent again after it.
        var sent = sandbox.DataRequests;
        Assert.Contains(sent[before], sent.Skip(before + 1));
    }

    [Fact]
    public async Task TransientAnswers_AreRetried_ThenTheRunSucceeds()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        await stack.AuthorizeAsync("max", sandbox, TimeProvider.System);
        var before = sandbox.DataRequests.Count;
        sandbox.InjectFailures(503, 2);

        var run = await stack.SyncAsync("max", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        Assert.Equal(sandbox.DataRequests.Count - before, run.Requests);

        // The data kinds read side by side: each of the two refused requests is sent again after them.
        var sent = sandbox.DataRequests;
        Assert.All(sent.Skip(before).Take(2), refused => Assert.Contains(refused, sent.Skip(before + 2)));
    }

    [Fact]
    public async Task AccessDenied_IsNotRetried_AndMarksTheConnectionForReauthorisation()
    {
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, TimeProvider.System);
        var id = await stack.AuthorizeAsync("ned", sandbox, TimeProvider.System);
        var before = sandbox.DataRequests.Count;
        sandbox.DenyEverything(id);

        var run = await stack.SyncAsync("ned", SyncMode.Incremental);

        // The data kinds read side by side: each sent its first request, and none was sent again.
        var sent = sandbox.DataRequests.Skip(before).ToList();
        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.InRange(run.Requests, 1, 3);
        Assert.Equal(run.Requests, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        var connection = (await stack.Services.GetRequiredService<ITokenStore>().GetAsync("ned", ProviderNames.Fitbit, CancellationToken.None))!;
        Assert.Equal(ConnectionStatus.NeedsReauthorization, connection.Status);
        Assert.Contains("Google Health denied access", connection.StatusReason, StringComparison.Ordinal);
    }
}
