using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

/// <summary>The spool's depth, its replay lease across processes, and the syncs whose completion waits for it.</summary>
public sealed class WriteSpoolTests
{
    [Fact]
    public async Task MeasureAsync_CountsBatchesAndBytesAndTheOldestTime()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var spool = state.Get<IWriteSpool>();
        Assert.Equal(SpoolDepth.Empty, await spool.MeasureAsync(CancellationToken.None));
        var first = state.Time.GetUtcNow();
        await spool.EnqueueAsync("line-protocol", new byte[100], CancellationToken.None);
        state.Time.Advance(TimeSpan.FromMinutes(5));
        await spool.EnqueueAsync("influxql", new byte[23], CancellationToken.None);

        Assert.Equal(new SpoolDepth(2, 123, first), await spool.MeasureAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TryLeaseReplayAsync_HeldByAnotherProcess_IsRefusedUntilReleased()
    {
        using var directory = new TempDirectory();
        using var one = new StateHarness(directory.Path);
        using var other = new StateHarness(directory.Path);

        var held = await one.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None);
        Assert.NotNull(held);
        Assert.True(held.IsHeld);
        Assert.Null(await other.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None));
        Assert.Null(await one.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None));

        await held.DisposeAsync();
        await using var taken = await other.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task TryLeaseReplayAsync_HolderStoppedRenewing_IsTakenOnceItLapsed()
    {
        using var directory = new TempDirectory();
        using var crashed = new StateHarness(directory.Path);
        using var other = new StateHarness(directory.Path);
        var abandoned = await crashed.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None);
        Assert.NotNull(abandoned);

        // The crashed holder's clock never moves, so it never renews; the other process's clock runs on.
        other.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await other.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None));
        other.Time.Advance(TimeSpan.FromSeconds(2));
        await using var taken = await other.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task TryLeaseReplayAsync_LiveHolder_RenewsItAndKeepsIt()
    {
        using var directory = new TempDirectory();
        using var holder = new StateHarness(directory.Path);
        using var other = new StateHarness(directory.Path);
        await using var lease = await holder.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None);
        Assert.NotNull(lease);

        for (var i = 0; i < 12; i++)
        {
            holder.Time.Advance(TimeSpan.FromSeconds(10));
            other.Time.Advance(TimeSpan.FromSeconds(10));
            var renewedUntil = holder.Time.GetUtcNow().AddSeconds(30).ToUnixTimeMilliseconds();
            await Eventually.TrueAsync(async () => await LeaseExpiryAsync(directory.Path) == renewedUntil, TimeSpan.FromSeconds(10), "the renewal");
            Assert.Null(await other.Get<IWriteSpool>().TryLeaseReplayAsync(CancellationToken.None));
        }

        Assert.True(lease.IsHeld);
    }

    [Fact]
    public async Task DeferredCompletions_SpansOfOneUserAndProvider_AreWidenedAndRemovedOnlyWhenUnchanged()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var store = state.Get<IDeferredCompletionStore>();
        var day = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        await store.AddAsync(new SyncCompleted("alice", "withings", 10, day.AddDays(3), day.AddDays(5)), CancellationToken.None);
        await store.AddAsync(new SyncCompleted("alice", "withings", 4, day, day.AddDays(4)), CancellationToken.None);
        await store.AddAsync(new SyncCompleted("bob", "fitbit", 1, day, day), CancellationToken.None);

        var waiting = await store.ListAsync(CancellationToken.None);
        var alice = new SyncCompleted("alice", "withings", 14, day, day.AddDays(5));
        Assert.Equal([alice, new SyncCompleted("bob", "fitbit", 1, day, day)], waiting);

        await store.AddAsync(new SyncCompleted("alice", "withings", 1, day.AddDays(9), day.AddDays(9)), CancellationToken.None);
        await store.RemoveAsync(alice, CancellationToken.None);
        Assert.Equal(new SyncCompleted("alice", "withings", 15, day, day.AddDays(9)), (await store.ListAsync(CancellationToken.None))[0]);
    }

    private static async Task<long?> LeaseExpiryAsync(string directory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "state.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT expires_at FROM spool_replay_lease";
        return await command.ExecuteScalarAsync() as long?;
    }
}
