using System.Text.Json;
using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>An export's JSON file: an array of records, converted one by one; a record that cannot be converted is named by its <c>logId</c>.</summary>
internal static class ExportJson
{
    public static (List<Point> Points, List<RecordError> Errors) ReadRecords(string file, Func<JsonElement, Point?> convert)
    {
        var (points, errors) = (new List<Point>(), new List<RecordError>());
        var name = Path.GetFileName(file);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            errors.Add(new RecordError(name, $"not JSON ({e.Message})"));
            return (points, errors);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new RecordError(name, "expected a JSON array of records"));
                return (points, errors);
            }

            var index = 0;
            foreach (var record in json.RootElement.EnumerateArray())
            {
                try
                {
                    if (convert(record) is { } point)
                    {
                        points.Add(point);
                    }
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
                {
                    var id = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("logId", out var logId) ? logId.ToString() : $"#{index}";
                    errors.Add(new RecordError($"{name} record {id}", e.Message));
                }

                index++;
            }
        }

        return (points, errors);
    }
}
