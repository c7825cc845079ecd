using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Windows;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

public sealed class LedgerReadingTests
{
    private static readonly RecordScope Scope = new("withings", "body_composition", "alice", Measurements.BodyComposition, new DateOnly(2026, 11, 10));
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NextBatch_IsReconciledAgainstTheLastBeforeItIsSaved_AndEachSavesOnlyWhenDurable()
    {
        await using var harness = new FrameworkHarness(_ => { });
        var ledger = harness.Get<RecordLedger>();
        var reading = harness.Get<LedgerBatches>().Open(Scope);

        var first = await reading.BatchAsync(Read(("g1", Noon)), cancellationToken: CancellationToken.None);
        var moved = await reading.BatchAsync(Read(("g1", Noon.AddHours(1))), cancellationToken: CancellationToken.None);

        // The record moved between the reads: its first point goes, though the first batch's ledger is not saved yet.
        Assert.Empty(await ledger.GetAsync(Scope, CancellationToken.None));
        Assert.Equal(Noon, Assert.Single(moved.Deletions).From);
        await first.OnDurable!(CancellationToken.None);
        Assert.Equal(Noon.ToUnixTimeSeconds(), (await ledger.GetAsync(Scope, CancellationToken.None))["g1"].Time);
        await moved.OnDurable!(CancellationToken.None);
        Assert.Equal(Noon.AddHours(1).ToUnixTimeSeconds(), (await ledger.GetAsync(Scope, CancellationToken.None))["g1"].Time);
    }

    [Fact]
    public async Task ReadOfNothing_SavesNothing()
    {
        await using var harness = new FrameworkHarness(_ => { });

        var batch = await harness.Get<LedgerBatches>().Open(Scope).BatchAsync(RecordRead.Empty, cancellationToken: CancellationToken.None);

        Assert.Null(batch.OnDurable);
    }

    private static RecordRead Read(params (string Id, DateTimeOffset At)[] records) =>
        RecordRead.Empty with { Records = [.. records.Select(r => new SourceRecord(r.Id, WeighIn(r.At)))] };

    private static Point WeighIn(DateTimeOffset time) => PointBuilder.For(Measurements.BodyComposition)
        .Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings)
        .Field(FieldNames.BodyComposition.WeightKg, 80.0).At(time).Build();
}
