using System.Globalization;

namespace LiverMuscle.Sync.State.Programmes;

/// <summary>Checks typed <see cref="ProgrammeChanges"/> and applies the valid ones; each bad value is one line naming it.</summary>
public static class ProgrammeChangeApplier
{
    public const int MaxRecheckIntervalDays = 730;

    public static Programme Apply(Programme programme, ProgrammeChanges changes, DateTimeOffset now, List<string> errors)
    {
        var days = TrainingDays(programme.TrainingDays, changes.TrainingDays, errors);
        var training = Time(changes.TrainingHour, programme.TrainingTime, "training hour", errors);
        var selfTest = SelfTest(programme.SelfTestSince, changes.SelfTestMonthly, now, errors);
        var recheck = RecheckInterval(programme.RecheckIntervalDays, changes.RecheckIntervalDays, errors);
        var protein = Time(changes.ProteinReminderHour, programme.ProteinReminderTime, "protein reminder hour", errors);
        var below = Fraction(programme.ProteinReminderBelow, changes.ProteinReminderBelow, errors);
        return programme with
        {
            TrainingDays = days, TrainingTime = training, SelfTestSince = selfTest, RecheckIntervalDays = recheck,
            ProteinReminderTime = protein, ProteinReminderBelow = below, UpdatedAt = now,
        };
    }

    /// <summary>Monday first, each day once.</summary>
    public static IReadOnlyList<DayOfWeek> Order(IEnumerable<DayOfWeek> days) => [.. days.Distinct().OrderBy(d => ((int)d + 6) % 7)];

    /// <summary><c>mon</c> … <c>sun</c>.</summary>
    public static string Abbreviation(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

    private static IReadOnlyList<DayOfWeek> TrainingDays(IReadOnlyList<DayOfWeek> current, string? value, List<string> errors)
    {
        if (value is null)
        {
            return current;
        }

        var days = new List<DayOfWeek>();
        foreach (var word in value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var matches = Enum.GetValues<DayOfWeek>()
                .Where(d => word.Equals(Abbreviation(d), StringComparison.OrdinalIgnoreCase) || word.Equals(d.ToString(), StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (matches.Count == 0)
            {
                errors.Add($"training days '{Shown(value)}' must be weekdays separated by commas, e.g. mon,wed,fri ('{Shown(word)}' is not one).");
                return current;
            }

            days.Add(matches[0]);
        }

        return Order(days);
    }

    private static TimeOnly? Time(string? value, TimeOnly? current, string name, List<string> errors)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return value is null ? current : null;
        }

        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23)
        {
            return new TimeOnly(hour, 0);
        }

        if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add($"{name} '{Shown(value)}' must be an hour of the day, 0 to 23 (e.g. 18) or hh:mm (e.g. 18:30).");
        return current;
    }

    private static DateTimeOffset? SelfTest(DateTimeOffset? since, string? value, DateTimeOffset now, List<string> errors)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return value is null ? since : null;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return since ?? now;
            case "false" or "no" or "off":
                return null;
            default:
                errors.Add($"self-test monthly '{Shown(value)}' must be true or false.");
                return since;
        }
    }

    private static int? RecheckInterval(int? current, string? value, List<string> errors)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return value is null ? current : null;
        }

        if (value.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= MaxRecheckIntervalDays)
        {
            return days;
        }

        errors.Add(string.Create(CultureInfo.InvariantCulture, $"re-check interval '{Shown(value)}' must be a whole number of days from 1 to {MaxRecheckIntervalDays}, or 0 / off for no re-check reminder."));
        return current;
    }

    private static double? Fraction(double? current, string? value, List<string> errors)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return value is null ? current : null;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and <= 1)
        {
            return fraction;
        }

        errors.Add($"protein reminder below '{Shown(value)}' must be a fraction of the day's goal above 0 and at most 1 (e.g. 0.5 for 50 %).");
        return current;
    }

    /// <summary>A typed value as an error line shows it: control characters (a line break) as <c>\uXXXX</c>, so the message stays one line.</summary>
    private static string Shown(string value) => string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
