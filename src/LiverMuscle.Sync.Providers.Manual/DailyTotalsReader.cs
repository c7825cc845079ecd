using System.Globalization;
using CsvHelper;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// Reads a daily-totals CSV: a header naming <c>date</c> and at least one of <c>protein_g, energy_kcal, carbs_g,
/// fat_g, fiber_g</c> in any order (other columns are listed and not read), then one row per day: <c>yyyy-MM-dd</c>,
/// numbers with a decimal point, empty cells for values not known. A bad row becomes an error naming its line.
/// </summary>
internal static class DailyTotalsReader
{
    public const string DateColumn = "date";

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        TrimWhitespace = true,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static DailyTotalsRead Read(Stream content)
    {
        using var csv = CsvReader.Create(content, Options, leaveOpen: true);
        csv.ReadHeader();
        var header = csv.Headers.Select(h => h.ToLowerInvariant()).ToList();
        if (HeaderProblem(header) is { } problem)
        {
            return new DailyTotalsRead([], [new EntryError(EntryError.File, problem)], []);
        }

        var date = header.IndexOf(DateColumn);
        var values = DailyValues.All.Select(v => (v.Field, Index: header.IndexOf(v.Field))).Where(v => v.Index >= 0).ToList();
        var (rows, errors, days) = (new List<DailyTotalsRow>(), new List<EntryError>(), new Dictionary<DateOnly, string>());
        while (csv.Read())
        {
            var location = $"line {csv.LineNumber}";
            var problems = new List<string>();
            var dayText = csv.GetString(date);
            if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problems.Add($"date '{dayText}' is not yyyy-MM-dd");
            }
            else if (days.TryGetValue(day, out var first))
            {
                problems.Add($"{dayText} is given on {first} already");
            }

            var read = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (field, index) in values.Where(v => !csv.IsEmpty(v.Index)))
            {
                var cell = csv.GetString(index);
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    problems.Add($"{field} '{cell}' is not a number (use a decimal point)");
                }
                else if (DailyValues.Problem(field, value) is { } wrong)
                {
                    problems.Add(wrong);
                }
                else
                {
                    read[field] = value;
                }
            }

            if (problems.Count == 0 && read.Count == 0)
            {
                problems.Add($"no value in any of {string.Join(", ", values.Select(v => v.Field))}");
            }

            if (problems.Count > 0)
            {
                errors.Add(new EntryError(location, string.Join("; ", problems)));
                continue;
            }

            days[day] = location;
            rows.Add(new DailyTotalsRow(location, day, read));
        }

        var known = DailyValues.All.Select(v => v.Field).Append(DateColumn).ToHashSet(StringComparer.Ordinal);
        return new DailyTotalsRead(rows, errors, [.. header.Where(h => !known.Contains(h))]);
    }

    private static string? HeaderProblem(List<string> header)
    {
        var expected = $"a header naming the columns: {DateColumn} and at least one of {string.Join(", ", DailyValues.All.Select(v => v.Field))}";
        if (header.Count == 0)
        {
            return $"the file is empty; it needs {expected}";
        }

        if (!header.Contains(DateColumn) || !DailyValues.All.Any(v => header.Contains(v.Field)))
        {
            return $"the first line must be {expected} (it is '{string.Join(",", header)}')";
        }

        return header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } twice ? $"the header names '{twice.Key}' twice" : null;
    }
}
