using System.Globalization;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>The lines that tell what became of an entry or an upload, printed by the command line and shown by the console.</summary>
public static class ManualEntryMessages
{
    public static string Stored(StoredEntry entry)
    {
        var values = string.Join(", ", entry.Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value}")));
        return $"stored {entry.Measurement}{(entry.Kind is null ? string.Empty : " " + entry.Kind)} of {entry.Date:yyyy-MM-dd} ({values}) at local midnight {entry.Time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}";
    }

    /// <summary>
    /// An entry that was not stored; a refused single value is named as <paramref name="valuePrefix"/> and its name
    /// (<c>--minutes</c> on the command line, <c>minutes</c> in a form).
    /// </summary>
    public static string Error(ManualEntryResult result, EntryError error, string valuePrefix) =>
        result.Run is null && !error.IsRow && error.Location != EntryError.File ? $"{valuePrefix}{error.Location}: {error.Reason}" : error.ToString();

    /// <summary>Null when every column of the upload was read.</summary>
    public static string? IgnoredColumns(ManualEntryResult result) =>
        result.IgnoredColumns.Count == 0
            ? null
            : $"columns not read: {string.Join(", ", result.IgnoredColumns)} (read are date, protein_g, energy_kcal, carbs_g, fat_g, fiber_g)";

    /// <summary>A day as yyyy-MM-dd, or the line saying it is not one (named <paramref name="name"/>).</summary>
    public static DateOnly? ParseDay(string? text, string name, out string? problem)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem = null;
            return date;
        }

        problem = $"{name} '{text}' is not a day as yyyy-MM-dd (e.g. 2026-10-02).";
        return null;
    }
}
