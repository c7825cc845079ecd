using System.Text.Json;
using LiverMuscle.Sync.Providers.Persistence;
using LiverMuscle.Sync.Providers.Windows;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Ledger;

/// <summary>
/// Remembers what was written for the recent records of one (provider, data kind, user), in the state store under
/// <c>{provider}/written/{kind}/{user}</c>. Providers without a deletion feed are re-read over a window, and what is
/// remembered for that window but no longer served has vanished at the source; a record that comes back with other
/// fields or another time has its old point removed first. Only entries from <see cref="RecordScope.KeepFrom"/> on
/// are kept, so the value stays small. Saved only after the batch it describes is durable.
/// </summary>
public sealed class RecordLedger(IKeyValueStore store)
{
    public async Task<IReadOnlyDictionary<string, LedgerEntry>> GetAsync(RecordScope scope, CancellationToken cancellationToken) =>
        await store.GetAsync(Key(scope), cancellationToken) switch
        {
            null or "" => new Dictionary<string, LedgerEntry>(StringComparer.Ordinal),
            ['{', ..] and var json => JsonSerializer.Deserialize(json, PersistedStateJsonContext.Default.LedgerDocument)?.Records ?? [],
            var text => LegacyLedgerText.Parse(text),
        };

    public Task SaveAsync(RecordScope scope, IReadOnlyDictionary<string, LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new LedgerDocument(Kept(scope, entries)), PersistedStateJsonContext.Default.LedgerDocument);
        return store.SetAsync(Key(scope), json, secret: false, cancellationToken);
    }

    /// <summary>The entries a save keeps: those from <see cref="RecordScope.KeepFrom"/> on, oldest first.</summary>
    public static Dictionary<string, LedgerEntry> Kept(RecordScope scope, IReadOnlyDictionary<string, LedgerEntry> entries) =>
        entries.Where(e => e.Value.Day >= scope.KeepFrom).OrderBy(e => e.Value.Time).ToDictionary(StringComparer.Ordinal);

    private static string Key(RecordScope scope) => $"{scope.Provider}/written/{scope.DataKind}/{scope.UserId}";
}
