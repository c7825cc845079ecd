using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Windows;
using LiverMuscle.Sync.State;
using Xunit;

namespace LiverMuscle.Sync.Pipeline.Tests;

public sealed class RecordLedgerTests
{
    private static readonly RecordScope Withings = new("withings", "body_composition", "alice", Measurements.BodyComposition, new DateOnly(2026, 11, 10));
    private static readonly RecordScope Fitbit = new("fitbit", "nutrition", "alice", Measurements.NutritionDaily, new DateOnly(2026, 11, 10));

    [Fact]
    public async Task EarlierTextForms_AreRead_ThenSavedAsJson()
    {
        await using var harness = new FrameworkHarness(_ => { });
        var store = harness.Get<IKeyValueStore>();
        await store.SetAsync("withings/written/body_composition/alice", "6120334871:1795558212\n6120911026:1795730400\n", secret: false, CancellationToken.None);
        await store.SetAsync("fitbit/written/nutrition/alice", "2026-11-23\t1795392000\t2026-11-23\n", secret: false, CancellationToken.None);
        var ledger = harness.Get<RecordLedger>();

        var withings = await ledger.GetAsync(Withings, CancellationToken.None);
        var fitbit = await ledger.GetAsync(Fitbit, CancellationToken.None);

        Assert.Equal(new LedgerEntry(1795558212, new DateOnly(2026, 11, 24)), withings["6120334871"]);
        Assert.Equal(new LedgerEntry(1795392000, new DateOnly(2026, 11, 23)), fitbit["2026-11-23"]);
        await ledger.SaveAsync(Withings, withings, CancellationToken.None);
        Assert.StartsWith("{", await store.GetAsync("withings/written/body_composition/alice", CancellationToken.None), StringComparison.Ordinal);
        Assert.Equal(withings.Keys.Order(), (await ledger.GetAsync(Withings, CancellationToken.None)).Keys.Order());
    }

    [Fact]
    public async Task Save_KeepsOnlyEntriesFromTheScopesFirstDay_WithTheirFieldNames()
    {
        await using var harness = new FrameworkHarness(_ => { });
        var ledger = harness.Get<RecordLedger>();

        await ledger.SaveAsync(Withings, new Dictionary<string, LedgerEntry>
        {
            ["old"] = new(1, new DateOnly(2026, 11, 9), ["weight_kg"]),
            ["new"] = new(2, new DateOnly(2026, 11, 10), ["weight_kg", "fat_ratio_pct"]),
        }, CancellationToken.None);

        var saved = await ledger.GetAsync(Withings, CancellationToken.None);
        Assert.Equal(["weight_kg", "fat_ratio_pct"], Assert.Single(saved, e => e.Key == "new").Value.Fields);
        Assert.False(saved.ContainsKey("old"));
    }
}
