using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>
/// One list answer, read point by point: a point that does not parse is reported by its name and skipped, the
/// others are kept. The answer itself must be an object whose <c>dataPoints</c> is absent or a list and whose
/// <c>nextPageToken</c> is absent or a string (the last page may be literally <c>{}</c>, and an empty page may
/// still carry a token); anything else is a malformed answer and fails the read.
/// </summary>
internal sealed record DataPointPage(IReadOnlyList<DataPointDto> Points, IReadOnlyList<RecordError> Errors, string? NextPageToken)
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
            var answer = $"Google Health's {dataType} list";
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Google Health answered a {dataType} list that is not a JSON object but {root.ValueKind}; the answer is malformed and nothing was read from it.");
            }

            var points = JsonRecords.OptionalArray(root, "dataPoints", answer) is { } list
                ? JsonRecords.ReadEach(list, GoogleHealthJsonContext.Default.DataPointDto, "name", "data point")
                : new ParsedElements<DataPointDto>([], []);
            var token = JsonRecords.OptionalString(root, "nextPageToken", answer);
            return new DataPointPage(points.Items, points.Errors, string.IsNullOrEmpty(token) ? null : token);
        }
    }
}
