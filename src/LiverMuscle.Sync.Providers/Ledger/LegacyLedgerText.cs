using System.Globalization;

namespace LiverMuscle.Sync.Providers.Ledger;

/// <summary>
/// The text forms ledgers had before they were JSON, read once so an existing installation keeps detecting
/// deletions: <c>id:unix</c> lines (Withings) and <c>id TAB unix TAB yyyy-MM-dd</c> lines (Fitbit).
/// </summary>
internal static class LegacyLedgerText
{
    public static Dictionary<string, LedgerEntry> Parse(string text)
    {
        var entries = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(line.Contains('\t', StringComparison.Ordinal) ? '\t' : ':');
            if (parts.Length is 2 or 3 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var time))
            {
                var day = parts.Length == 3 && DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime);
                entries[parts[0]] = new LedgerEntry(time, day);
            }
        }

        return entries;
    }
}
