using System.Buffers;
using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;

/// <summary>
/// Encodes points as InfluxDB line protocol with the server's escaping rules: measurement escapes comma and space;
/// tag keys, tag values and field keys escape comma, equals and space; string field values escape double quote and
/// backslash. Names with a newline, or with a backslash the protocol cannot carry (before a separator or at the
/// end), are refused with a reason rather than sent garbled. Newlines in string values become spaces.
/// </summary>
internal static class LineProtocolEncoder
{
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \\\n\r");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= \\\n\r");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\\n\r");

    public static string Encode(Point point, WritePrecision precision)
    {
        var builder = new StringBuilder(128);
        return TryAppend(builder, point, precision, out var error)
            ? builder.ToString()
            : throw new ArgumentException($"{point.Describe()}: {error}", nameof(point));
    }

    /// <summary>Appends one line (with a trailing newline); on failure leaves the builder as it was.</summary>
    public static bool TryAppend(StringBuilder builder, Point point, WritePrecision precision, out string? error)
    {
        var start = builder.Length;
        error = AppendName(builder, point.Measurement, MeasurementSpecials, "measurement", escapeEquals: false);
        foreach (var (key, value) in point.Tags)
        {
            if (error is not null)
            {
                break;
            }

            builder.Append(',');
            error = AppendName(builder, key, KeySpecials, "tag key", escapeEquals: true)
                    ?? Then(builder.Append('='), AppendName(builder, value, KeySpecials, $"value of tag '{key}'", escapeEquals: true));
        }

        var first = true;
        foreach (var (key, value) in point.Fields)
        {
            if (error is not null)
            {
                break;
            }

            builder.Append(first ? ' ' : ',');
            first = false;
            error = AppendName(builder, key, KeySpecials, "field key", escapeEquals: true);
            if (error is null)
            {
                builder.Append('=');
                AppendValue(builder, value);
            }
        }

        if (error is null && first)
        {
            error = "a point needs at least one field";
        }

        if (error is not null)
        {
            builder.Length = start;
            return false;
        }

        builder.Append(CultureInfo.InvariantCulture, $" {precision.ToEpoch(point.Timestamp)}\n");
        return true;
    }

    private static string? Then(StringBuilder _, string? error) => error;

    private static string? AppendName(StringBuilder builder, string name, SearchValues<char> specials, string what, bool escapeEquals)
    {
        if (name.Length == 0)
        {
            return $"the {what} is empty";
        }

        var span = name.AsSpan();
        if (span.IndexOfAny(specials) < 0)
        {
            builder.Append(name);
            return null;
        }

        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            switch (c)
            {
                case '\n' or '\r':
                    return $"the {what} '{name.ReplaceLineEndings("\\n")}' contains a line break, which line protocol cannot carry";
                case '\\':
                    var next = i + 1 < span.Length ? span[i + 1] : '\0';
                    if (next is '\0' or ',' or ' ' || (escapeEquals && next == '=') || next == '\\')
                    {
                        return $"the {what} '{name}' has a backslash before a separator or at its end, which line protocol cannot carry";
                    }

                    builder.Append(c);
                    break;
                case ',' or ' ':
                    builder.Append('\\').Append(c);
                    break;
                case '=' when escapeEquals:
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return null;
    }

    private static void AppendValue(StringBuilder builder, FieldValue value)
    {
        switch (value.Type)
        {
            case FieldType.Float:
                builder.Append(CultureInfo.InvariantCulture, $"{value.Number:R}");
                break;
            case FieldType.Integer:
                builder.Append(CultureInfo.InvariantCulture, $"{value.Integer}i");
                break;
            case FieldType.Boolean:
                builder.Append(value.Boolean ? "true" : "false");
                break;
            default:
                AppendString(builder, value.Text!);
                break;
        }
    }

    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        if (text.AsSpan().IndexOfAny(StringSpecials) < 0)
        {
            builder.Append(text);
        }
        else
        {
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"' or '\\':
                        builder.Append('\\').Append(c);
                        break;
                    case '\n' or '\r':
                        builder.Append(' ');
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }
        }

        builder.Append('"');
    }
}
