using System.Globalization;
using System.Net.Mail;

namespace LiverMuscle.Sync.State;

/// <summary>Checks typed <see cref="PersonChanges"/> and applies the valid ones; each bad value is one line naming it.</summary>
public static class PersonChangeApplier
{
    /// <summary>The sources a weight may come from.</summary>
    public static IReadOnlyList<string> WeightSources { get; } = ["withings", "fitbit"];

    public static Person Apply(Person person, PersonChanges changes, DateTimeOffset now, List<string> errors)
    {
        // In the order the values are shown, so the errors are too.
        var name = DisplayName(person, changes.DisplayName, errors);
        var (zone, origin) = TimeZone(person, changes.TimeZone, errors);
        var birth = BirthDate(person.BirthDate, changes.BirthDate, now, errors);
        var sex = OneOf(changes.Sex, person.Sex, "sex", ["male", "female"], errors);
        var height = Parse(changes.HeightM, person.HeightM, "height (m)", 0.5, 2.5, errors);
        var goals = new PersonGoals(
            Parse(changes.SessionsPerWeek, person.Goals.SessionsPerWeek, "sessions per week", 0, 21, errors, whole: true) is { } s ? (int)s : null,
            Parse(changes.ResistanceMinutesPerWeek, person.Goals.ResistanceMinutesPerWeek, "resistance minutes per week", 0, 7 * 24 * 60, errors),
            Parse(changes.ProteinGPerKgPerDay, person.Goals.ProteinGPerKgPerDay, "protein g/kg/day", 0.1, 5, errors));
        var recipients = Recipients(person.Recipients, changes.Recipients, errors);
        var weightSource = OneOf(changes.WeightSource, person.WeightSource, "weight source", WeightSources, errors);
        return person with
        {
            DisplayName = name, TimeZone = zone, TimeZoneOrigin = origin, BirthDate = birth, Sex = sex, HeightM = height,
            Goals = goals, Recipients = recipients, WeightSource = weightSource, UpdatedAt = now,
        };
    }

    /// <summary>The id of an IANA zone this machine knows, or null.</summary>
    public static string? ResolveTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId ? zone.Id : null;

    private static string DisplayName(Person person, string? value, List<string> errors)
    {
        if (value is null)
        {
            return person.DisplayName;
        }

        var name = value.Trim();
        if (name.Length > 100 || name.Any(char.IsControl))
        {
            errors.Add("display name must be at most 100 characters, without line breaks or control characters.");
            return person.DisplayName;
        }

        return name.Length == 0 ? person.Id : name;
    }

    private static (string Zone, TimeZoneOrigin Origin) TimeZone(Person person, string? value, List<string> errors)
    {
        if (value is null)
        {
            return (person.TimeZone, person.TimeZoneOrigin);
        }

        if (value.Trim().Length == 0)
        {
            // Back to following the provider: the zone stays until a provider reports one.
            return (person.TimeZone, person.TimeZoneOrigin == TimeZoneOrigin.Person ? TimeZoneOrigin.Default : person.TimeZoneOrigin);
        }

        if (ResolveTimeZone(value) is { } zone)
        {
            return (zone, TimeZoneOrigin.Person);
        }

        errors.Add($"time zone '{value}' is not an IANA time zone id known here (e.g. Europe/Berlin, America/New_York, UTC).");
        return (person.TimeZone, person.TimeZoneOrigin);
    }

    private static DateOnly? BirthDate(DateOnly? current, string? value, DateTimeOffset now, List<string> errors)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return value is null ? current : null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add($"birth date '{value}' is not a date as yyyy-MM-dd.");
            return current;
        }

        if (date.Year < 1900 || date > DateOnly.FromDateTime(now.UtcDateTime))
        {
            errors.Add($"birth date {value} must lie between 1900-01-01 and today.");
            return current;
        }

        return date;
    }

    private static double? Parse(string? value, double? current, string name, double min, double max, List<string> errors, bool whole = false)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return value is null ? current : null;
        }

        if (!double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) ||
            number < min || number > max || (whole && number != Math.Floor(number)))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} '{value}' must be a{(whole ? " whole" : string.Empty)} number from {min} to {max}."));
            return current;
        }

        return number;
    }

    private static string? OneOf(string? value, string? current, string name, IReadOnlyList<string> allowed, List<string> errors)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return value is null ? current : null;
        }

        var normalized = value.Trim().ToLowerInvariant();
        if (allowed.Contains(normalized))
        {
            return normalized;
        }

        errors.Add($"{name} '{value}' must be one of: {string.Join(", ", allowed)}.");
        return current;
    }

    private static IReadOnlyList<string> Recipients(IReadOnlyList<string> current, IReadOnlyList<string>? value, List<string> errors)
    {
        if (value is null)
        {
            return current;
        }

        var addresses = value.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var bad = addresses.Where(a => !MailAddress.TryCreate(a, out var parsed) || parsed.Address != a || a.Any(char.IsControl)).ToList();
        if (bad.Count > 0)
        {
            errors.Add($"recipient {string.Join(", ", bad.Select(b => $"'{b}'"))} is not an e-mail address (name@example.org).");
            return current;
        }

        return addresses;
    }
}
