using System.Text.Json;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Finds which lines of a batch a 400 answer refers to: lines quoted in <c>unable to parse '…'</c> (1.x), points whose
/// field has the conflicting type named by <c>field type conflict: input field "f" on measurement "m" is type t</c>
/// (1.x/2.x), or the line numbers of a 3.x error body.
/// </summary>
internal static partial class RejectionParser
{
    public static IReadOnlyDictionary<int, string> FindRejectedLines(WriteBatch batch, string[] lines, string error, string? body = null)
    {
        var rejected = new Dictionary<int, string>();
        foreach (var (lineNumber, reason) in V3LineErrors(body))
        {
            if (lineNumber >= 1 && lineNumber <= lines.Length)
            {
                rejected[lineNumber - 1] = reason;
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var marker = $"unable to parse '{lines[i]}': ";
            var at = error.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var reasonStart = at + marker.Length;
                var reasonEnd = error.IndexOfAny(['\n'], reasonStart);
                var reason = (reasonEnd < 0 ? error[reasonStart..] : error[reasonStart..reasonEnd]).Trim();
                rejected[i] = "unable to parse: " + StripDropped(reason);
            }
        }

        var conflict = FieldTypeConflict().Match(error);
        if (conflict.Success && batch.Points is { } points)
        {
            var field = conflict.Groups["field"].Value;
            var measurement = conflict.Groups["measurement"].Value;
            var type = conflict.Groups["type"].Value;
            var reason = StripDropped(error[conflict.Index..]).Trim();
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i].Measurement == measurement && points[i].Fields.TryGetValue(field, out var value) && TypeName(value.Type) == type)
                {
                    rejected[i] = reason;
                }
            }
        }

        return rejected;
    }

    public static bool IsPartialWrite(string error) => error.StartsWith("partial write", StringComparison.Ordinal);

    /// <summary>The <c>dropped=N</c> count of a 1.x partial write, if given.</summary>
    public static int? DroppedCount(string error) =>
        Dropped().Match(error) is { Success: true } match ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>InfluxDB 3 names refused lines in <c>{"error":…,"data":[{"line_number":n,"error_message":…}]}</c>.</summary>
    private static IEnumerable<(int LineNumber, string Reason)> V3LineErrors(string? body)
    {
        if (string.IsNullOrEmpty(body) || !body.Contains("\"line_number\"", StringComparison.Ordinal))
        {
            yield break;
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            yield break;
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }

            foreach (var item in data.EnumerateArray())
            {
                if (item.TryGetProperty("line_number", out var number) && number.TryGetInt32(out var line))
                {
                    yield return (line, item.TryGetProperty("error_message", out var message) ? message.GetString() ?? "refused" : "refused");
                }
            }
        }
    }

    private static string StripDropped(string text) => DroppedSuffix().Replace(text, string.Empty);

    private static string TypeName(FieldType type) => type switch
    {
        FieldType.Float => "float",
        FieldType.Integer => "integer",
        FieldType.String => "string",
        _ => "boolean",
    };

    [GeneratedRegex("field type conflict: input field \"(?<field>[^\"]+)\" on measurement \"(?<measurement>[^\"]+)\" is type (?<type>\\w+)")]
    private static partial Regex FieldTypeConflict();

    [GeneratedRegex(@"dropped=(\d+)")]
    private static partial Regex Dropped();

    [GeneratedRegex(@"\s*dropped=\d+\s*$")]
    private static partial Regex DroppedSuffix();
}
