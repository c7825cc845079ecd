using System.Globalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>The time stamps of an export: <c>MM/dd/yy HH:mm:ss</c>, <c>MM/dd/yyyy HH:mm:ss</c> or ISO 8601.</summary>
internal static class ExportTimes
{
    private static readonly string[] Formats =
    [
        "MM/dd/yy HH:mm:ss", "MM/dd/yyyy HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>A time of <c>exercise-*.json</c>, which is UTC unless the text names an offset.</summary>
    public static DateTimeOffset Utc(string text) =>
        TryOffset(text) ?? new DateTimeOffset(DateTime.SpecifyKind(Parse(text), DateTimeKind.Utc));

    /// <summary>A local date and time of <c>weight-*.json</c>, in the person's time zone.</summary>
    public static DateTimeOffset Local(string text, TimeZoneInfo zone)
    {
        var local = Parse(text);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>An ISO 8601 instant of the Takeout CSV files (<c>2026-05-27T05:33:27Z</c>, fractions allowed); UTC without an offset.</summary>
    public static bool TryInstant(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    private static DateTimeOffset? TryOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        var namesOffset = text.EndsWith('Z') || (t > 0 && text.LastIndexOfAny(['+', '-']) > t);
        return namesOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
    }

    private static DateTime Parse(string text) =>
        DateTime.ParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
