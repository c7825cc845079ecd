using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// Entries made by hand as a source of the sync runner (provider <c>manual</c>), so they are written, counted after
/// the sink answered, recorded as a sync run and followed by the adherence recompute like any sync. Entries refused
/// before are not part of the run: they are reported to whoever entered them. No cursor.
/// </summary>
internal sealed class ManualEntrySource(string dataKind, IReadOnlyList<Point> points) : ISyncSource
{
    public const string ProviderName = "manual";

    public string Provider => ProviderName;

    public string DataKind => dataKind;

    public IAsyncEnumerable<SyncBatch> ReadAsync(SyncRequest request, CancellationToken cancellationToken) =>
        new[] { new SyncBatch(points, [], [], null) }.ToAsyncEnumerable();
}
