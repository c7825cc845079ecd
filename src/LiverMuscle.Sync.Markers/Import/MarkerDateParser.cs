using System.Globalization;

namespace LiverMuscle.Sync.Markers.Import;

/// <summary>Parses <c>2026-10-02</c> (a date) or an ISO 8601 instant with offset (<c>2026-10-02T08:30:00+02:00</c>).</summary>
public static class MarkerDateParser
{
    public static bool TryParse(string text, out MarkerTime time)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            time = MarkerTime.OfDate(date);
            return true;
        }

        if (text.Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            time = MarkerTime.OfInstant(instant);
            return true;
        }

        time = default;
        return false;
    }
}
