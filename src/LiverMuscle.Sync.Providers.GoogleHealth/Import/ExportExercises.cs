using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>Strength sessions of an export: <c>exercise-*.json</c> records and <c>UserExercises_*.csv</c> rows, both in UTC.</summary>
internal static class ExportExercises
{
    /// <summary>
    /// A record of <c>exercise-*.json</c>. Its <c>startTime</c> has no offset and is UTC: the session's average heart
    /// rate is found in the archive's heart-rate files at that UTC time, not at that time in the person's zone.
    /// Durations are in milliseconds. Null for other activities and sessions shorter than the minimum.
    /// </summary>
    public static ExportSession? FromJson(JsonElement record, FitbitOptions options, FitbitImportReport report)
    {
        var activity = record.GetProperty("activityName").GetString() ?? string.Empty;
        if (!ExportActivityTypes.TryMap(activity, options, out var type, out var kind))
        {
            report.Ignored++;
            return null;
        }

        var start = ExportTimes.Utc(record.GetProperty("startTime").GetString()!);
        var duration = TimeSpan.FromMilliseconds(record.GetProperty("duration").GetDouble());
        if (duration < options.MinimumSessionDuration)
        {
            report.Ignored++;
            return null;
        }

        return new ExportSession(kind, type, start, duration, record.GetProperty("logId").ToString())
        {
            ActiveDuration = ExportJson.Number(record, "activeDuration") is { } active ? TimeSpan.FromMilliseconds(active) : null,
        }.With(ExportJson.Number(record, "calories"), ExportJson.Number(record, "averageHeartRate"));
    }

    /// <summary>
    /// <c>UserExercises_*.csv</c> of the 2026 layout: UTC start and end, the tracker's calories (else those logged by
    /// hand) and average heart rate (0 when none was measured).
    /// </summary>
    public static ParsedElements<ExportSession> FromCsv(string file, FitbitOptions options, FitbitImportReport report)
    {
        var (sessions, errors) = (new List<ExportSession>(), new List<RecordError>());
        var (csv, problem) = ExportCsv.Open(file, "exercise_id", "exercise_start", "exercise_end", "activity_name");
        if (problem is not null)
        {
            errors.Add(new RecordError(Path.GetFileName(file), problem));
        }

        using (csv)
        {
            while (csv?.Next() == true)
            {
                var row = $"{csv.Name} line {csv.Line}";
                try
                {
                    if (FromRow(csv, options) is { } session)
                    {
                        sessions.Add(session);
                    }
                    else
                    {
                        report.Ignored++;
                    }
                }
                catch (FormatException e)
                {
                    errors.Add(new RecordError(row, e.Message));
                }
            }
        }

        return new(sessions, errors);
    }

    private static ExportSession? FromRow(ExportCsv csv, FitbitOptions options)
    {
        if (!ExportActivityTypes.TryMap(csv["activity_name"] ?? string.Empty, options, out var type, out var kind))
        {
            return null;
        }

        if (!ExportTimes.TryInstant(csv["exercise_start"], out var from) || !ExportTimes.TryInstant(csv["exercise_end"], out var to) || to <= from)
        {
            throw new FormatException($"exercise_start '{csv["exercise_start"]}' and exercise_end '{csv["exercise_end"]}' are not a time span");
        }

        if (to - from < options.MinimumSessionDuration)
        {
            return null;
        }

        var id = csv["exercise_id"] ?? throw new FormatException("exercise_id is empty");
        var calories = csv.Number("tracker_total_calories") is > 0 and var tracked ? tracked : csv.Number("manually_logged_total_calories");
        return new ExportSession(kind, type, from, to - from, id).With(calories, csv.Number("tracker_avg_heart_rate"));
    }
}
