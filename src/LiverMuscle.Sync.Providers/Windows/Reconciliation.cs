using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Ledger;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>
/// What a read means for the sink and the ledger: the points to write, the points to delete first, the ledger as it
/// stands once both are durable, and how many remembered records vanished.
/// </summary>
internal sealed record Reconciliation(
    IReadOnlyList<Point> Points,
    IReadOnlyList<PointDeletion> Deletions,
    IReadOnlyDictionary<string, LedgerEntry> Ledger,
    int Vanished);
