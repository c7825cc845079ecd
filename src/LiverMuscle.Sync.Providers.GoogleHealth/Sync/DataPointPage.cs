using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// One list answer, read point by point: a point that does not parse is reported by its name and skipped, the
/// others are kept. The last page may be <c>{}</c>, and an empty page may still carry a token.
/// </summary>
public sealed record DataPointPage(IReadOnlyList<DataPointDto> Points, IReadOnlyList<RecordError> Errors, string? NextPageToken)
{
    public static DataPointPage Parse(string dataType, string body)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Google Health answered a {dataType} list that is not JSON: {e.Message}", e);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Google Health answered a {dataType} list that is not a JSON object.");
            }

            var points = new List<DataPointDto>();
            var errors = new List<RecordError>();
            if (root.TryGetProperty("dataPoints", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in items.EnumerateArray())
                {
                    var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                        ? n.GetString()!
                        : $"{dataType}#{index}";
                    try
                    {
                        var point = item.Deserialize(GoogleHealthJsonContext.Default.DataPointDto) ?? throw new JsonException("null data point");
                        points.Add(point);
                    }
                    catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
                    {
                        errors.Add(new RecordError(name, $"{name} does not parse: {e.Message}"));
                    }

                    index++;
                }
            }

            var token = root.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } value ? value : null;
            return new DataPointPage(points, errors, token);
        }
    }
}
