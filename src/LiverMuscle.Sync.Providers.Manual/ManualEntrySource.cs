using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// Entries made by hand as a source of the sync runner (provider <c>manual</c>), so they are written, counted after
/// the sink answered, recorded as a sync run and followed by the adherence recompute like any sync. Entries that were
/// refused travel along as record errors, so the run says so. No cursor.
/// </summary>
internal sealed class ManualEntrySource(string dataKind, IReadOnlyList<Point> points, IReadOnlyList<RecordError> errors) : ISyncSource
{
    public const string ProviderName = "manual";

    public string Provider => ProviderName;

    public string DataKind => dataKind;

    public IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, CancellationToken cancellationToken) =>
        new[] { new SyncBatch(points, [], errors, null) }.ToAsyncEnumerable();
}
