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
        Assert.Equal(sandbox.DataRequests[before], sandbox.DataRequests[before + 1]);
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
        Assert.Equal(sandbox.DataRequests[before], sandbox.DataRequests[before + 2]);
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

        Assert.Equal((SyncOutcome.Failed, 1), (run.Outcome, run.Requests));
        Assert.Equal(1, sandbox.DataRequests.Count - before);
        var connection = (await stack.Services.GetRequiredService<ITokenStore>().GetAsync("ned", ProviderNames.Fitbit, CancellationToken.None))!;
        Assert.Equal(ConnectionStatus.NeedsReauthorization, connection.Status);
        Assert.Contains("Google Health denied access", connection.StatusReason, StringComparison.Ordinal);
    }
}
