using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// Imports a Fitbit data export (Google Takeout <c>Global Export Data</c> or a fitbit.com archive): strength sessions
/// from <c>exercise-*.json</c> and <c>UserExercises_*.csv</c>, weigh-ins and body fat from <c>weight-*.json</c>.
/// Points get the same identity as the API's (source fitbit, session start or weigh-in time, the same kind mapping,
/// no device tag), so importing and syncing the same period never counts anything twice. Times without an offset
/// are the user's local time; weights are in <c>Fitbit:ExportWeightUnit</c>.
/// </summary>
public sealed class FitbitExportImporter(IPointSink sink, IUserStore users, IOptions<FitbitOptions> options)
{
    private const double PoundsToKilograms = 0.45359237;

    /// <summary>Activity names of the legacy Fitbit log → the Google Health exercise type of the same session.</summary>
    private static readonly Dictionary<string, string> ActivityTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Weights"] = "WEIGHTS",
        ["Weight lifting"] = "WEIGHTLIFTING",
        ["Weightlifting"] = "WEIGHTLIFTING",
        ["Strength training"] = "STRENGTH_TRAINING",
        ["Circuit training"] = "CIRCUIT_TRAINING",
        ["Calisthenics"] = "CALISTHENICS",
        ["Bodyweight"] = "BODY_WEIGHT",
        ["Body weight"] = "BODY_WEIGHT",
        ["CrossFit"] = "CROSSFIT",
        ["Bootcamp"] = "BOOTCAMP",
        ["Core training"] = "CORE_TRAINING",
        ["Powerlifting"] = "POWERLIFTING",
        ["Free weights"] = "FREE_WEIGHTS",
        ["Weight machines"] = "WEIGHT_MACHINES",
        ["Resistance bands"] = "RESISTANCE_BANDS",
        ["TRX"] = "TRX",
    };

    public async Task<FitbitImportReport> ImportAsync(string userId, string path, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The Fitbit export folder '{path}' does not exist.");
        }

        _ = await users.GetAsync(userId, cancellationToken) ?? throw new InvalidOperationException($"No user '{userId}'; create it first (e.g. with 'auth fitbit --user {userId}').");
        var zone = await users.GetTimeZoneAsync(userId, cancellationToken);
        var report = new FitbitImportReport();
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var points = new List<Point>();
            if (name.StartsWith("exercise-", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                points.AddRange(ReadJsonRecords(file, report, record => ExerciseFromJson(userId, record, zone, report)));
                report.Sessions += points.Count;
            }
            else if (name.StartsWith("UserExercises", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                points.AddRange(ReadCsvExercises(userId, file, report));
                report.Sessions += points.Count;
            }
            else if (name.StartsWith("weight-", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                points.AddRange(ReadJsonRecords(file, report, record => WeightFromJson(userId, record, zone)));
                report.WeighIns += points.Count;
            }
            else
            {
                continue;
            }

            report.Files++;
            var written = await sink.WriteAsync(points, cancellationToken);
            foreach (var rejected in written.Rejected)
            {
                report.Errors.Add($"{name}: InfluxDB refused {rejected.Point}: {rejected.Reason}");
            }
        }

        return report;
    }

    private static IEnumerable<Point> ReadJsonRecords(string file, FitbitImportReport report, Func<JsonElement, Point?> convert)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            report.Errors.Add($"{Path.GetFileName(file)}: not JSON ({e.Message})");
            yield break;
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                report.Errors.Add($"{Path.GetFileName(file)}: expected a JSON array of records");
                yield break;
            }

            var index = 0;
            foreach (var record in json.RootElement.EnumerateArray())
            {
                Point? point;
                try
                {
                    point = convert(record);
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
                {
                    var id = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("logId", out var logId) ? logId.ToString() : $"#{index}";
                    report.Errors.Add($"{Path.GetFileName(file)} record {id}: {e.Message}");
                    point = null;
                }

                if (point is not null)
                {
                    yield return point;
                }

                index++;
            }
        }
    }

    private Point? ExerciseFromJson(string userId, JsonElement record, TimeZoneInfo zone, FitbitImportReport report)
    {
        var activity = record.GetProperty("activityName").GetString() ?? string.Empty;
        if (!ActivityTypes.TryGetValue(activity, out var type) || !options.Value.StrengthExerciseTypes.TryGetValue(type, out var kind))
        {
            report.Ignored++;
            return null;
        }

        var start = Local(record.GetProperty("startTime").GetString()!, zone);
        var duration = TimeSpan.FromMilliseconds(record.GetProperty("duration").GetDouble());
        if (duration < options.Value.MinimumSessionDuration)
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

    private Point WeightFromJson(string userId, JsonElement record, TimeZoneInfo zone)
    {
        var at = Local($"{record.GetProperty("date").GetString()} {record.GetProperty("time").GetString()}", zone);
        var weight = record.GetProperty("weight").GetDouble();
        var kg = options.Value.ExportWeightUnit == "lb" ? weight * PoundsToKilograms : weight;
        if (kg is <= 0 or > 700)
        {
            throw new FormatException($"weight {weight} {options.Value.ExportWeightUnit} is not plausible");
        }

        var builder = PointBuilder.For(Measurements.BodyComposition)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Fitbit)
            .At(at)
            .Field(F.BodyComposition.WeightKg, Math.Round(kg, 6))
            .Field(F.BodyComposition.SourceId, record.GetProperty("logId").ToString())
            .Field(F.BodyComposition.Manual, record.TryGetProperty("source", out var source) && source.GetString() is "Web" or "API" or "Manual");
        if (record.TryGetProperty("fat", out var fat) && fat.ValueKind == JsonValueKind.Number && fat.GetDouble() is >= 0 and <= 100 and var pct)
        {
            builder.Field(F.BodyComposition.FatRatioPct, pct)
                .Field(F.BodyComposition.FatMassKg, Math.Round(kg * pct / 100, 6))
                .Field(F.BodyComposition.FatFreeMassKg, Math.Round(kg * (1 - pct / 100), 6));
        }

        return builder.Build();
    }

    /// <summary><c>UserExercises_*.csv</c> of the 2026 layout: UTC start and end with an explicit offset.</summary>
    private IEnumerable<Point> ReadCsvExercises(string userId, string file, FitbitImportReport report)
    {
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0)
        {
            yield break;
        }

        var header = lines[0].Split(',').Select(h => h.Trim()).ToList();
        int Column(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw new FormatException($"{Path.GetFileName(file)} has no '{name}' column");
        int id, start, end, activity;
        try
        {
            (id, start, end, activity) = (Column("exercise_id"), Column("exercise_start"), Column("exercise_end"), Column("activity_name"));
        }
        catch (FormatException e)
        {
            report.Errors.Add(e.Message);
            yield break;
        }

        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            Point? point = null;
            if (cells.Length < header.Count)
            {
                report.Errors.Add($"{Path.GetFileName(file)} row {row + 1}: {cells.Length} columns, expected {header.Count}");
            }
            else if (!ActivityTypes.TryGetValue(cells[activity].Trim(), out var type) || !options.Value.StrengthExerciseTypes.TryGetValue(type, out var kind))
            {
                report.Ignored++;
            }
            else if (!DateTimeOffset.TryParse(cells[start], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
                     || !DateTimeOffset.TryParse(cells[end], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to) || to <= from)
            {
                report.Errors.Add($"{Path.GetFileName(file)} row {row + 1}: exercise_start/exercise_end are not a valid time span");
            }
            else if (to - from >= options.Value.MinimumSessionDuration)
            {
                point = FitbitNormalizer.Session(userId, kind, from, (long)(to - from).TotalSeconds, (long)(to - from).TotalSeconds, cells[id].Trim(), type).Build();
            }
            else
            {
                report.Ignored++;
            }

            if (point is not null)
            {
                yield return point;
            }
        }
    }

    /// <summary>An export's <c>MM/dd/yy HH:mm:ss</c> local time, in the user's time zone.</summary>
    private static DateTimeOffset Local(string text, TimeZoneInfo zone)
    {
        var local = DateTime.ParseExact(text, ["MM/dd/yy HH:mm:ss", "MM/dd/yyyy HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>What an import found: files read, sessions and weigh-ins written, records ignored (not strength) and errors by record.</summary>
public sealed class FitbitImportReport
{
    public int Files { get; set; }

    public int Sessions { get; set; }

    public int WeighIns { get; set; }

    public int Ignored { get; set; }

    public List<string> Errors { get; } = [];
}
