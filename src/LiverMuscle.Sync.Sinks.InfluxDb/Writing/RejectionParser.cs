using System.Text.RegularExpressions;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// Finds which lines of a batch a 400 answer refers to: lines quoted in <c>unable to parse '…'</c>, or points whose
/// field has the conflicting type named by <c>field type conflict: input field "f" on measurement "m" is type t</c>.
/// </summary>
internal static partial class RejectionParser
{
    public static IReadOnlyDictionary<int, string> FindRejectedLines(WriteBatch batch, string[] lines, string error)
    {
        var rejected = new Dictionary<int, string>();
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

    [GeneratedRegex(@"\s*dropped=\d+\s*$")]
    private static partial Regex DroppedSuffix();
}
