using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Reads an answer that refused lines of a request: which of the request's lines it names (lines quoted in
/// <c>unable to parse '…'</c> (1.x), points whose field has the conflicting type named by <c>field type conflict: input
/// field "f" on measurement "m" is type t</c> (1.x/2.x), or the line numbers of a 2.x or 3.x error body), whether the rest
/// was stored (a partial write), and how many lines it says it dropped.
/// </summary>
internal static partial class RejectionParser
{
    /// <summary>InfluxDB 3 names at most this many rejected lines in one answer.</summary>
    public const int V3MaxNamedLines = 100;

    /// <summary>The named lines of <paramref name="lines"/> (indices into <paramref name="batch"/>, in request order) and why.</summary>
    public static Dictionary<int, string> FindRejectedLines(WriteBatch batch, IReadOnlyList<int> lines, string error, string? body)
    {
        var rejected = new Dictionary<int, string>();
        foreach (var (lineNumber, reason) in NumberedLineErrors(body))
        {
            if (lineNumber >= 1 && lineNumber <= lines.Count)
            {
                rejected[lines[lineNumber - 1]] = reason;
            }
        }

        if (error.Contains("unable to parse '", StringComparison.Ordinal))
        {
            foreach (var line in lines)
            {
                var marker = $"unable to parse '{batch.LineText(line)}': ";
                var at = error.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var reasonStart = at + marker.Length;
                    var reasonEnd = error.IndexOf('\n', reasonStart);
                    var reason = (reasonEnd < 0 ? error[reasonStart..] : error[reasonStart..reasonEnd]).Trim();
                    rejected[line] = "unable to parse: " + WithoutDropped(reason);
                }
            }
        }

        var conflict = FieldTypeConflict().Match(error);
        if (conflict.Success && batch.Points is { } points)
        {
            var field = conflict.Groups["field"].Value;
            var measurement = conflict.Groups["measurement"].Value;
            var type = conflict.Groups["type"].Value;
            var reason = WithoutDropped(error[conflict.Index..]);
            foreach (var line in lines)
            {
                if (points[line].Measurement == measurement && points[line].Fields.TryGetValue(field, out var value) && TypeName(value.Type) == type)
                {
                    rejected[line] = reason;
                }
            }
        }

        return rejected;
    }

    /// <summary>Whether the answer says the lines it did not refuse were stored (1.x, 2.x and 3.x wordings).</summary>
    public static bool IsPartialWrite(string error) => error.Contains("partial write", StringComparison.Ordinal);

    /// <summary>
    /// How many of <paramref name="sent"/> lines the answer says were dropped: 1.x/2.x <c>dropped=N</c>, or the
    /// <c>partial write error (N written)</c> of InfluxDB Cloud; null when it does not say.
    /// </summary>
    public static int? DroppedCount(string error, int sent)
    {
        if (Dropped().Match(error) is { Success: true } dropped)
        {
            return int.Parse(dropped.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        }

        return Written().Match(error) is { Success: true } written ? sent - int.Parse(written.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The reason without the batch-wide <c>dropped=N</c> count, for one line.</summary>
    public static string WithoutDropped(string text) => DroppedSuffix().Replace(text, string.Empty).Trim();

    /// <summary>
    /// Line numbers an error body names: InfluxDB 3's <c>{"error":…,"data":[{"line_number":n,"error_message":…}]}</c>
    /// and 2.x's <c>{"code":"invalid","message":…,"line":n}</c> (its first malformed line).
    /// </summary>
    private static IEnumerable<(int LineNumber, string Reason)> NumberedLineErrors(string? body)
    {
        if (string.IsNullOrEmpty(body) || !body.Contains("\"line", StringComparison.Ordinal))
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
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                yield break;
            }

            if (root.TryGetProperty("line", out var first) && first.TryGetInt32(out var firstLine))
            {
                yield return (firstLine, Text(root, "message"));
            }

            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in data.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("line_number", out var number) && number.TryGetInt32(out var line))
                    {
                        yield return (line, Text(item, "error_message"));
                    }
                }
            }
        }
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "refused";

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

    [GeneratedRegex(@"partial write error \((\d+) written\)")]
    private static partial Regex Written();

    [GeneratedRegex(@"\s*dropped=\d+\s*$")]
    private static partial Regex DroppedSuffix();
}
