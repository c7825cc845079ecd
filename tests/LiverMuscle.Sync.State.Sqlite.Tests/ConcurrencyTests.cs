using System.Globalization;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task TwoStoresOnOneFile_ConcurrentWriters_LoseNothingAndKeepSpoolOrder()
    {
        using var directory = new TempDirectory();
        using var first = new StateHarness(directory.Path);
        using var second = new StateHarness(directory.Path);
        await first.Get<IWriteSpool>().CountAsync(CancellationToken.None);

        var writers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var state = worker % 2 == 0 ? first : second;
            for (var i = 0; i < 200; i++)
            {
                await state.Get<IWriteSpool>().EnqueueAsync("line-protocol", [(byte)worker, (byte)i], CancellationToken.None);
                await state.Get<ISyncCursorStore>().SetAsync(new SyncCursor("u" + worker, "withings", "body", i.ToString(CultureInfo.InvariantCulture), state.Time.GetUtcNow()), CancellationToken.None);
            }
        }));
        await Task.WhenAll(writers);

        Assert.Equal(1_600, await second.Get<IWriteSpool>().CountAsync(CancellationToken.None));
        var entries = await first.Get<IWriteSpool>().PeekAsync(2_000, CancellationToken.None);
        Assert.Equal(entries.Select(e => e.Id).Order(), entries.Select(e => e.Id));
        foreach (var worker in Enumerable.Range(0, 8))
        {
            var own = entries.Where(e => e.Payload[0] == worker).Select(e => (int)e.Payload[1]).ToList();
            Assert.Equal(Enumerable.Range(0, 200), own);
        }

        var cursors = await first.Get<ISyncCursorStore>().ListAsync(null, CancellationToken.None);
        Assert.Equal(8, cursors.Count);
        Assert.All(cursors, c => Assert.Equal("199", c.Value));
    }
}
