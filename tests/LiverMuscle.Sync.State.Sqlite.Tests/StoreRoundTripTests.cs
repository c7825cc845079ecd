using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class StoreRoundTripTests
{
    [Fact]
    public async Task SyncRunLog_ListLatest_ReturnsTheNewestRunPerUserAndProvider()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var log = state.Get<ISyncRunLog>();
        var t = state.Time.GetUtcNow();
        await log.RecordAsync(new SyncRunRecord("alice", "withings", SyncOutcome.Failed, 0, 1, t, t.AddSeconds(1), "timeout"), CancellationToken.None);
        await log.RecordAsync(new SyncRunRecord("alice", "withings", SyncOutcome.Ok, 12, 3, t.AddMinutes(1), t.AddMinutes(2), null), CancellationToken.None);
        await log.RecordAsync(new SyncRunRecord("bob", "fitbit", SyncOutcome.Partial, 5, 9, t, t.AddSeconds(3), "1 rejected"), CancellationToken.None);

        var latest = await log.ListLatestAsync(null, CancellationToken.None);

        Assert.Equal(2, latest.Count);
        Assert.Equal(new SyncRunRecord("alice", "withings", SyncOutcome.Ok, 12, 3, t.AddMinutes(1), t.AddMinutes(2), null), latest[0]);
        Assert.Equal(SyncOutcome.Partial, latest[1].Outcome);
        Assert.Single(await log.ListLatestAsync("bob", CancellationToken.None));
    }

    [Fact]
    public async Task AlertStates_SaveAndRead_RoundTripEveryField()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var store = state.Get<IAlertStateStore>();
        var t = state.Time.GetUtcNow();
        var firing = new AlertState("protein-low", "alice", AlertStatus.Firing, t, t.AddMinutes(5), 0.93, "{\"key\":\"abc\"}", t.AddMinutes(5));

        await store.SaveAsync(new AlertState("protein-low", "alice", AlertStatus.Pending, t, null, 1.0, null, t), CancellationToken.None);
        await store.SaveAsync(firing, CancellationToken.None);

        Assert.Equal(firing, await store.GetAsync("protein-low", "alice", CancellationToken.None));
        Assert.Null(await store.GetAsync("protein-low", "bob", CancellationToken.None));
        Assert.Single(await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cursors_SetGetDelete()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var cursors = state.Get<ISyncCursorStore>();
        var cursor = new SyncCursor("alice", "withings", "body_composition", "1764000000", state.Time.GetUtcNow());

        await cursors.SetAsync(cursor, CancellationToken.None);
        await cursors.SetAsync(cursor with { Value = "1764003600" }, CancellationToken.None);
        Assert.Equal("1764003600", (await cursors.GetAsync("alice", "withings", "body_composition", CancellationToken.None))!.Value);

        await cursors.DeleteAsync("alice", "withings", "body_composition", CancellationToken.None);
        Assert.Null(await cursors.GetAsync("alice", "withings", "body_composition", CancellationToken.None));
    }

    [Fact]
    public async Task KeyValues_PlainAndSecret_RoundTripAndDelete()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var values = state.Get<IKeyValueStore>();

        await values.SetAsync("withings/subscription/alice", "https://example.org/hook", secret: false, CancellationToken.None);
        await values.SetAsync("fitbit/verifier/alice", "s3cr3t", secret: true, CancellationToken.None);

        Assert.Equal("https://example.org/hook", await values.GetAsync("withings/subscription/alice", CancellationToken.None));
        Assert.Equal("s3cr3t", await values.GetAsync("fitbit/verifier/alice", CancellationToken.None));
        await values.DeleteAsync("fitbit/verifier/alice", CancellationToken.None);
        Assert.Null(await values.GetAsync("fitbit/verifier/alice", CancellationToken.None));
    }

    [Fact]
    public async Task Spool_RemoveTakesOnlyThatEntry()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var spool = state.Get<IWriteSpool>();
        var first = await spool.EnqueueAsync("line-protocol", [1], CancellationToken.None);
        var second = await spool.EnqueueAsync("influxql", [2], CancellationToken.None);

        await spool.RemoveAsync(first, CancellationToken.None);

        var left = Assert.Single(await spool.PeekAsync(10, CancellationToken.None));
        Assert.Equal((second, "influxql", (byte)2), (left.Id, left.Kind, left.Payload[0]));
    }
}
