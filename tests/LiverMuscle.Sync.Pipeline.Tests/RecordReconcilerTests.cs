using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Records;
using LiverMuscle.Sync.Providers.Windows;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames.BodyComposition;

namespace LiverMuscle.Sync.Pipeline.Tests;

[Trait("Category", "Unit")]
public sealed class RecordReconcilerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly RecordScope Scope = new("withings", "body_composition", "alice", Measurements.BodyComposition, new DateOnly(2026, 11, 1));
    private static readonly InstantWindow Window = new(Noon.AddDays(-7), Noon);

    [Fact]
    public void ServedWithFewerFields_DeletesTheWrittenPointBeforeTheNewOne()
    {
        var ledger = Ledger(("g1", Point(Noon.AddHours(-1), 80.5, 21.0)));

        var result = RecordReconciler.Reconcile(Scope, Read(("g1", Point(Noon.AddHours(-1), null, 21.0))), Window, ledger);

        var deletion = Assert.Single(result.Deletions);
        Assert.Equal((Measurements.BodyComposition, Noon.AddHours(-1), Noon.AddHours(-1)), (deletion.Measurement, deletion.From, deletion.To));
        Assert.Equal(new Dictionary<string, string> { [TagNames.User] = "alice", [TagNames.Source] = "withings" }, deletion.Tags);
        Assert.False(Assert.Single(result.Points).Fields.ContainsKey(F.WeightKg));
        Assert.Equal([F.FatRatioPct, F.SourceId], result.Ledger["g1"].Fields!.Order());
    }

    [Fact]
    public void ServedWithTheSameOrMoreFields_OverwritesWithoutDeleting()
    {
        var ledger = Ledger(("g1", Point(Noon.AddHours(-1), null, 21.0)));

        var result = RecordReconciler.Reconcile(Scope, Read(("g1", Point(Noon.AddHours(-1), 80.5, 21.5))), Window, ledger);

        Assert.Empty(result.Deletions);
        Assert.Single(result.Points);
    }

    [Fact]
    public void ServedAtAnotherTime_DeletesThePointAtTheOldTime()
    {
        var ledger = Ledger(("g1", Point(Noon.AddHours(-3), 80.5, null)));

        var result = RecordReconciler.Reconcile(Scope, Read(("g1", Point(Noon.AddHours(-2), 80.5, null))), Window, ledger);

        Assert.Equal(Noon.AddHours(-3), Assert.Single(result.Deletions).From);
        Assert.Equal(Noon.AddHours(-2).ToUnixTimeSeconds(), result.Ledger["g1"].Time);
    }

    [Fact]
    public void CompleteReadOfTheWindow_DeletesWhatVanished_KeepsWhatIsOutsideOrUnreadable()
    {
        var ledger = Ledger(
            ("kept", Point(Noon.AddHours(-1), 80, null)),
            ("gone", Point(Noon.AddHours(-2), 81, null)),
            ("unreadable", Point(Noon.AddHours(-3), 82, null)),
            ("named", Point(Noon.AddHours(-4), 83, null)),
            ("older", Point(Noon.AddDays(-9), 84, null)));
        var read = Read(("kept", Point(Noon.AddHours(-1), 80, null))) with
        {
            Errors = [new RecordError("unreadable", "no value"), new RecordError("users/1/dataTypes/weight/dataPoints/named", "does not parse")],
        };

        var result = RecordReconciler.Reconcile(Scope, read, Window, ledger);

        Assert.Equal(1, result.Vanished);
        Assert.Equal(Noon.AddHours(-2), Assert.Single(result.Deletions).From);
        Assert.Equal(["kept", "named", "older", "unreadable"], result.Ledger.Keys.Order());
    }

    [Fact]
    public void IncompleteRead_OrNoWindow_DeletesNothingThatWasNotServed()
    {
        var ledger = Ledger(("gone", Point(Noon.AddHours(-2), 81, null)));

        var incomplete = RecordReconciler.Reconcile(Scope, RecordRead.Empty with { Complete = false }, Window, ledger);
        var page = RecordReconciler.Reconcile(Scope, RecordRead.Empty, null, ledger);

        Assert.Empty(incomplete.Deletions);
        Assert.Empty(page.Deletions);
        Assert.Equal(0, incomplete.Vanished + page.Vanished);
        Assert.True(incomplete.Ledger.ContainsKey("gone"));
    }

    [Fact]
    public void Replacement_IsWrittenInsteadOfDeletingAVanishedRecord()
    {
        var zero = Point(Noon.AddHours(-2), 0, null);
        var ledger = Ledger(("gone", Point(Noon.AddHours(-2), 81, null)));

        var result = RecordReconciler.Reconcile(Scope with { Replacement = _ => zero }, RecordRead.Empty, Window, ledger);

        Assert.Empty(result.Deletions);
        Assert.Same(zero, Assert.Single(result.Points));
        Assert.False(result.Ledger.ContainsKey("gone"));
    }

    private static Point Point(DateTimeOffset at, double? weight, double? fat)
    {
        var builder = PointBuilder.For(Measurements.BodyComposition).Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings).At(at).Field(F.SourceId, "g");
        if (weight is { } w)
        {
            builder.Field(F.WeightKg, w);
        }

        if (fat is { } f)
        {
            builder.Field(F.FatRatioPct, f);
        }

        return builder.Build();
    }

    private static RecordRead Read(params (string Id, Point Point)[] records) => new([.. records.Select(r => new SourceRecord(r.Id, r.Point))], []);

    private static Dictionary<string, LedgerEntry> Ledger(params (string Id, Point Point)[] records) =>
        records.ToDictionary(r => r.Id, r => LedgerEntry.Of(new SourceRecord(r.Id, r.Point)));
}
