using System.Globalization;
using System.Text;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// What was written for the recent days of one (user, data kind): record id → point time and day, in the state store
/// under <c>fitbit/written/{kind}/{user}</c>. The API has no change feed, so every run re-reads a window and what is
/// in here for that window but no longer served has vanished at the source. Only the re-read window is kept.
/// </summary>
public sealed class FitbitWrittenLedger(IKeyValueStore store)
{
    public async Task<IReadOnlyDictionary<string, LedgerEntry>> GetAsync(string userId, string dataKind, CancellationToken cancellationToken) =>
        Parse(await store.GetAsync(Key(userId, dataKind), cancellationToken));

    /// <summary>After a full read of the days [<paramref name="from"/>, <paramref name="to"/>): they hold exactly <paramref name="served"/>.</summary>
    public async Task ReplaceWindowAsync(string userId, string dataKind, DateOnly from, DateOnly to, IEnumerable<WindowRecord> served, DateOnly keepFrom, CancellationToken cancellationToken)
    {
        var entries = (await GetAsync(userId, dataKind, cancellationToken))
            .Where(e => (e.Value.Day < from || e.Value.Day >= to) && e.Value.Day >= keepFrom)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var record in served.Where(r => r.Day >= keepFrom))
        {
            entries[record.Id] = new LedgerEntry(record.Point.Timestamp.ToUnixTimeSeconds(), record.Day);
        }

        var text = new StringBuilder();
        foreach (var (id, entry) in entries.OrderBy(e => e.Value.Unix))
        {
            text.Append(CultureInfo.InvariantCulture, $"{id}\t{entry.Unix}\t{entry.Day:yyyy-MM-dd}\n");
        }

        await store.SetAsync(Key(userId, dataKind), text.ToString(), secret: false, cancellationToken);
    }

    private static Dictionary<string, LedgerEntry> Parse(string? text)
    {
        var entries = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3
                && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)
                && DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                entries[parts[0]] = new LedgerEntry(unix, day);
            }
        }

        return entries;
    }

    private static string Key(string userId, string dataKind) => $"fitbit/written/{dataKind}/{userId}";
}

public sealed record LedgerEntry(long Unix, DateOnly Day);
