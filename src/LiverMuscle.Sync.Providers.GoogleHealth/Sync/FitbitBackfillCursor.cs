using System.Globalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// Backfill progress of one (user, data kind): while running, the first day of the oldest window already written
/// (<c>at</c>) and how many windows in a row were empty; once finished, the day history is complete from
/// (<c>done</c>). Text form <c>at=2025-03-01;empty=2</c> or <c>done=2023-11-25</c>.
/// </summary>
public sealed record FitbitBackfillCursor(DateOnly? At, int EmptyWindows, DateOnly? Done)
{
    public static FitbitBackfillCursor Parse(string? text)
    {
        DateOnly? at = null, done = null;
        var empty = 0;
        foreach (var part in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }

            switch (pair[0])
            {
                case "at" when TryDay(pair[1], out var day): at = day; break;
                case "done" when TryDay(pair[1], out var day): done = day; break;
                case "empty" when int.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count): empty = count; break;
            }
        }

        return new FitbitBackfillCursor(at, empty, done);
    }

    public string Format() => At is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"at={at:yyyy-MM-dd};empty={EmptyWindows}")
        : Done is { } done ? string.Create(CultureInfo.InvariantCulture, $"done={done:yyyy-MM-dd}") : string.Empty;

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
