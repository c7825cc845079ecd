using System.Globalization;
using System.Text;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// Remembers which provider records (id → time) were written inside the look-back window, per (user, data kind),
/// in the state store under <c>withings/written/{kind}/{user}</c>. Withings does not report deletions, so each run
/// re-reads the window and deletes what was written before but is no longer served. Only the window (plus a day)
/// is kept, so the value stays a few hundred bytes. Updated only after the batch it describes is durable.
/// </summary>
public sealed class WrittenRecordLedger(IKeyValueStore store)
{
    public async Task<IReadOnlyDictionary<long, long>> GetAsync(string userId, string dataKind, CancellationToken cancellationToken) =>
        Parse(await store.GetAsync(Key(userId, dataKind), cancellationToken));

    /// <summary>Adds the records whose time is at or after <paramref name="keepFrom"/>.</summary>
    public async Task RecordAsync(string userId, string dataKind, IEnumerable<NormalizedRecord> records, DateTimeOffset keepFrom, CancellationToken cancellationToken)
    {
        var recent = records.Where(r => r.Point.Timestamp >= keepFrom).ToList();
        if (recent.Count == 0)
        {
            return;
        }

        var entries = new Dictionary<long, long>(await GetAsync(userId, dataKind, cancellationToken));
        foreach (var record in recent)
        {
            entries[record.SourceId] = record.Point.Timestamp.ToUnixTimeSeconds();
        }

        await SaveAsync(userId, dataKind, entries, keepFrom, cancellationToken);
    }

    /// <summary>After a full re-read of [<paramref name="from"/>, <paramref name="to"/>]: the window holds exactly what was served.</summary>
    public async Task ReplaceWindowAsync(string userId, string dataKind, DateTimeOffset from, DateTimeOffset to, IEnumerable<NormalizedRecord> served, DateTimeOffset keepFrom, CancellationToken cancellationToken)
    {
        var (f, t) = (from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds());
        var entries = (await GetAsync(userId, dataKind, cancellationToken))
            .Where(e => e.Value < f || e.Value > t)
            .ToDictionary(e => e.Key, e => e.Value);
        foreach (var record in served)
        {
            entries[record.SourceId] = record.Point.Timestamp.ToUnixTimeSeconds();
        }

        await SaveAsync(userId, dataKind, entries, keepFrom, cancellationToken);
    }

    private Task SaveAsync(string userId, string dataKind, Dictionary<long, long> entries, DateTimeOffset keepFrom, CancellationToken cancellationToken)
    {
        var cutoff = keepFrom.ToUnixTimeSeconds();
        var text = new StringBuilder();
        foreach (var (id, time) in entries.Where(e => e.Value >= cutoff).OrderBy(e => e.Value))
        {
            text.Append(CultureInfo.InvariantCulture, $"{id}:{time}\n");
        }

        return store.SetAsync(Key(userId, dataKind), text.ToString(), secret: false, cancellationToken);
    }

    private static Dictionary<long, long> Parse(string? text)
    {
        var entries = new Dictionary<long, long>();
        foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = line.Split(':');
            if (pair.Length == 2
                && long.TryParse(pair[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                && long.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var time))
            {
                entries[id] = time;
            }
        }

        return entries;
    }

    private static string Key(string userId, string dataKind) => $"withings/written/{dataKind}/{userId}";
}
