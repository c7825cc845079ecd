using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>Strength sessions of an export: <c>exercise-*.json</c> records and <c>UserExercises_*.csv</c> rows.</summary>
internal static class ExportExercises
{
    /// <summary>A record of <c>exercise-*.json</c>: local start time, durations in milliseconds.</summary>
    public static Point? FromJson(string userId, JsonElement record, TimeZoneInfo zone, FitbitOptions options, FitbitImportReport report)
    {
        var activity = record.GetProperty("activityName").GetString() ?? string.Empty;
        if (!ExportActivityTypes.TryMap(activity, options, out var type, out var kind))
        {
            report.Ignored++;
            return null;
        }

        var start = ExportTimes.Local(record.GetProperty("startTime").GetString()!, zone);
        var duration = TimeSpan.FromMilliseconds(record.GetProperty("duration").GetDouble());
        if (duration < options.MinimumSessionDuration)
        {
            report.Ignored++;
            return null;
        }

        var active = record.TryGetProperty("activeDuration", out var a) && a.ValueKind == JsonValueKind.Number ? TimeSpan.FromMilliseconds(a.GetDouble()) : duration;
        var builder = FitbitNormalizer.Session(userId, kind, start, (long)duration.TotalSeconds, (long)active.TotalSeconds, record.GetProperty("logId").ToString(), type);
        if (record.TryGetProperty("calories", out var kcal) && kcal.ValueKind == JsonValueKind.Number && kcal.GetDouble() > 0)
        {
            builder.Field(F.StrengthSession.CaloriesKcal, (long)Math.Round(kcal.GetDouble(), MidpointRounding.AwayFromZero));
        }

        if (record.TryGetProperty("averageHeartRate", out var hr) && hr.ValueKind == JsonValueKind.Number && hr.GetDouble() > 0)
        {
            builder.Field(F.StrengthSession.AvgHrBpm, (long)Math.Round(hr.GetDouble()));
        }

        return builder.Build();
    }

    /// <summary><c>UserExercises_*.csv</c> of the 2026 layout: UTC start and end with an explicit offset.</summary>
    public static (IReadOnlyList<Point> Points, IReadOnlyList<RecordError> Errors) FromCsv(string userId, string file, FitbitOptions options, FitbitImportReport report)
    {
        var (points, errors) = (new List<Point>(), new List<RecordError>());
        var name = Path.GetFileName(file);
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0)
        {
            return (points, errors);
        }

        var header = lines[0].Split(',').Select(h => h.Trim()).ToList();
        var columns = new[] { "exercise_id", "exercise_start", "exercise_end", "activity_name" }.Select(c => (Name: c, Index: header.IndexOf(c))).ToList();
        if (columns.Find(c => c.Index < 0) is { Name: { } missing })
        {
            errors.Add(new RecordError(name, $"has no '{missing}' column"));
            return (points, errors);
        }

        var (id, start, end, activity) = (columns[0].Index, columns[1].Index, columns[2].Index, columns[3].Index);
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            if (cells.Length < header.Count)
            {
                errors.Add(new RecordError($"{name} row {row + 1}", $"{cells.Length} columns, expected {header.Count}"));
            }
            else if (!ExportActivityTypes.TryMap(cells[activity].Trim(), options, out var type, out var kind))
            {
                report.Ignored++;
            }
            else if (!DateTimeOffset.TryParse(cells[start], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
                     || !DateTimeOffset.TryParse(cells[end], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to) || to <= from)
            {
                errors.Add(new RecordError($"{name} row {row + 1}", "exercise_start/exercise_end are not a valid time span"));
            }
            else if (to - from >= options.MinimumSessionDuration)
            {
                points.Add(FitbitNormalizer.Session(userId, kind, from, (long)(to - from).TotalSeconds, (long)(to - from).TotalSeconds, cells[id].Trim(), type).Build());
            }
            else
            {
                report.Ignored++;
            }
        }

        return (points, errors);
    }
}
