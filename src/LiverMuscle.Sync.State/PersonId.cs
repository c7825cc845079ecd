using System.Text.RegularExpressions;

namespace LiverMuscle.Sync.State;

/// <summary>
/// A person's id is a slug: it is a tag value in InfluxDB, part of state keys and of URLs, so it is checked wherever
/// it enters (the command line, configuration seeds, the console).
/// </summary>
public static partial class PersonId
{
    public const string Rule = "a slug: 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or digit";

    public static bool IsValid(string? id) => id is not null && Slug().IsMatch(id);

    /// <summary>Null when <paramref name="id"/> is valid, else a line saying what is wrong, naming <paramref name="where"/>.</summary>
    public static string? Problem(string? id, string where) =>
        IsValid(id) ? null : $"{where}: '{Printable(id)}' is not a valid person id ({Rule}, e.g. 'alice' or 'patient-07').";

    private static string Printable(string? id) =>
        string.Concat((id ?? string.Empty).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
