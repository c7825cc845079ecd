using System.Globalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

internal static class ExportTimes
{
    /// <summary>An export's <c>MM/dd/yy HH:mm:ss</c> local time, in the user's time zone.</summary>
    public static DateTimeOffset Local(string text, TimeZoneInfo zone)
    {
        var local = DateTime.ParseExact(text, ["MM/dd/yy HH:mm:ss", "MM/dd/yyyy HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
