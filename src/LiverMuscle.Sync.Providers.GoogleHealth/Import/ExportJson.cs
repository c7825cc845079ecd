using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>An export's JSON file: an array of records, converted one by one; a record that cannot be converted is named by its <c>logId</c>.</summary>
internal static class ExportJson
{
    public static ParsedElements<T> ReadRecords<T>(string file, Func<JsonElement, T?> convert)
        where T : class
    {
        var name = Path.GetFileName(file);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            return new([], [new RecordError(name, $"not JSON ({e.Message})")]);
        }

        using (json)
        {
            return json.RootElement.ValueKind == JsonValueKind.Array
                ? JsonRecords.ReadEach(json.RootElement, convert, (record, index) => $"{name} record {JsonRecords.IdOf(record, "logId") ?? $"#{index}"}", (_, error) => error.Message)
                : new([], [new RecordError(name, "expected a JSON array of records")]);
        }
    }

    /// <summary>The number <paramref name="name"/> of a record; null when absent, null or not a number.</summary>
    public static double? Number(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
