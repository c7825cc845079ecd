using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.Ledger;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>
/// Whose records a source reads and where their points live: the ledger's key (provider, data kind, user), the
/// measurement the points go to (tagged with the user and the provider as source), and from which day on the
/// ledger remembers what was written. <see cref="Replacement"/> says what becomes of a record that vanished at the
/// source: by default its point is deleted; a source may write another point instead (a day whose food entries were
/// all deleted is a day of zeros).
/// </summary>
public sealed record RecordScope(string Provider, string DataKind, string UserId, string Measurement, DateOnly KeepFrom)
{
    public Func<LedgerEntry, Point?> Replacement { get; init; } = _ => null;

    /// <summary>Removes the point written at <paramref name="at"/> for this user and provider.</summary>
    public PointDeletion DeletionAt(DateTimeOffset at) =>
        new(Measurement, new Dictionary<string, string> { [TagNames.User] = UserId, [TagNames.Source] = Provider }, at, at);
}
