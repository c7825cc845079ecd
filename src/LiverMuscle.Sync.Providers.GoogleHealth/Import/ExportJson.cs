using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>An export's JSON file: an array of records, converted one by one; a record that cannot be converted is named by its <c>logId</c>.</summary>
internal static class ExportJson
{
    public static (IReadOnlyList<Point> Points, IReadOnlyList<RecordError> Errors) ReadRecords(string file, Func<JsonElement, Point?> convert)
    {
        var name = Path.GetFileName(file);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            return ([], [new RecordError(name, $"not JSON ({e.Message})")]);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ([], [new RecordError(name, "expected a JSON array of records")]);
            }

            var read = JsonRecords.ReadEach(json.RootElement, convert, (record, index) => $"{name} record {JsonRecords.IdOf(record, "logId") ?? $"#{index}"}", (_, error) => error.Message);
            return (read.Items, read.Errors);
        }
    }
}
