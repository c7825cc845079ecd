using System.Globalization;

namespace LiverMuscle.Sync.Providers.Persistence;

/// <summary>
/// The text forms cursors had before they were JSON, read once so an existing installation resumes where it stood:
/// Withings <c>lu=…;bf=…;off=…;bs=…</c> (unix seconds; a bare number is an older <c>lu</c>) and Fitbit
/// <c>at=yyyy-MM-dd;empty=N</c> or <c>done=yyyy-MM-dd</c>.
/// </summary>
internal static class LegacyCursorText
{
    public static SourceCursor Parse(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bare))
        {
            return new SourceCursor { ChangesSince = bare };
        }

        var cursor = SourceCursor.Empty;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }

            cursor = (pair[0], Unix(pair[1]), Day(pair[1])) switch
            {
                ("lu", { } value, _) => cursor with { ChangesSince = value },
                ("bf", { } value, _) => cursor with { BackfillAt = DateTimeOffset.FromUnixTimeSeconds(value) },
                ("off", { } value, _) => cursor with { BackfillOffset = value },
                ("bs", { } value, _) => cursor with { CompleteFrom = DateTimeOffset.FromUnixTimeSeconds(value) },
                ("empty", { } value, _) => cursor with { EmptyWindows = (int)value },
                ("at", _, { } day) => cursor with { BackfillAt = day },
                ("done", _, { } day) => cursor with { CompleteFrom = day },
                _ => cursor,
            };
        }

        return cursor;
    }

    private static long? Unix(string text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
}
