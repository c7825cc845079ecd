using System.Globalization;
using System.Text.RegularExpressions;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// The AIP-160 subset the service accepts on <c>dataPoints.list</c>: <c>{prefix}.{member} &gt;= "literal"</c> and
/// <c>&lt; "literal"</c> comparisons joined by <c>AND</c>, with the per-type members of §3.3.
/// </summary>
internal sealed partial class DataPointFilter
{
    private readonly List<Func<StoredPoint, bool>> _conditions = [];

    private DataPointFilter()
    {
    }

    public bool Matches(StoredPoint point) => _conditions.TrueForAll(c => c(point));

    /// <summary>Parses a filter for a type; on failure returns the catalogue reason and a message.</summary>
    public static (DataPointFilter? Filter, string? Reason, string? Message) Parse(string? text, DataTypeInfo type, bool acceptSampleCivilTime)
    {
        var filter = new DataPointFilter();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (filter, null, null);
        }

        var tokens = Tokenize(text);
        if (tokens is null)
        {
            return Fail("INVALID_DATA_POINT_FILTER_SYNTAX", $"Invalid filter syntax: '{text}'.");
        }

        var kinds = new HashSet<bool>();
        var i = 0;
        while (true)
        {
            if (i + 3 > tokens.Count || tokens[i].Kind != TokenKind.Identifier || tokens[i + 1].Kind != TokenKind.Operator || tokens[i + 2].Kind != TokenKind.String)
            {
                return Fail("INVALID_DATA_POINT_FILTER_SYNTAX", $"Invalid filter syntax: '{text}'.");
            }

            var (field, op, literal) = (tokens[i].Text, tokens[i + 1].Text, tokens[i + 2].Text);
            if (op is not (">=" or "<"))
            {
                return Fail("INVALID_DATA_POINT_FILTER_SYNTAX", $"Unsupported operator '{op}' in filter; only >= and < are supported.");
            }

            var dot = field.IndexOf('.', StringComparison.Ordinal);
            var (prefix, member) = dot < 0 ? (field, string.Empty) : (field[..dot], field[(dot + 1)..]);
            if (prefix != type.Prefix)
            {
                return DataTypeCatalog.FindByPrefix(prefix) is not null
                    ? Fail("INVALID_DATA_POINT_FILTER_COLLECTION_MISMATCH", $"Filter refers to data type '{prefix}' but the request lists '{type.Id}'.")
                    : Fail("INVALID_DATA_POINT_FILTER_DATA_TYPE_RESTRICTION", $"Filter field '{field}' does not name a data type.");
            }

            if (Member(type.Filter, member, acceptSampleCivilTime) is not { } civil)
            {
                return Fail("INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER", $"Filter field '{field}' is not supported for data type '{type.Id}'.");
            }

            kinds.Add(civil);
            if (kinds.Count > 1)
            {
                return Fail("INVALID_DATA_POINT_FILTER_MIXED_TIME_RESTRICTIONS", "Filter mixes civil and physical time restrictions.");
            }

            var lower = op == ">=";
            if (civil)
            {
                if (ParseCivil(literal) is not { } bound)
                {
                    return Fail("INVALID_DATA_POINT_FILTER_CIVIL_DATE_TIME_FORMAT", $"Invalid civil date-time '{literal}'; expected YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss.");
                }

                filter._conditions.Add(p => lower ? p.LocalStart >= bound : p.LocalStart < bound);
            }
            else
            {
                if (ParseTimestamp(literal) is not { } bound)
                {
                    return Fail("INVALID_DATA_POINT_FILTER_TIMESTAMP_FORMAT", $"Invalid timestamp '{literal}'; expected RFC 3339.");
                }

                filter._conditions.Add(p => lower ? p.Time >= bound : p.Time < bound);
            }

            i += 3;
            if (i == tokens.Count)
            {
                return (filter, null, null);
            }

            if (tokens[i].Kind != TokenKind.Identifier || tokens[i].Text != "AND")
            {
                return Fail("INVALID_DATA_POINT_FILTER_SYNTAX", $"Invalid filter syntax: only AND may join restrictions in '{text}'.");
            }

            i++;
        }
    }

    /// <summary>True for a civil member, false for a physical one, null when the type does not accept it.</summary>
    private static bool? Member(FilterKind kind, string member, bool acceptSampleCivilTime) => (kind, member) switch
    {
        (FilterKind.CivilStart, "interval.civil_start_time") => true,
        (FilterKind.SampleTime, "sample_time.physical_time") => false,
        (FilterKind.SampleTime, "sample_time.civil_time") when acceptSampleCivilTime => true,
        (FilterKind.Interval, "interval.start_time") => false,
        (FilterKind.Interval, "interval.civil_start_time") => true,
        (FilterKind.IntervalEnd, "interval.end_time") => false,
        (FilterKind.IntervalEnd, "interval.civil_end_time") => true,
        _ => null,
    };

    private static DateTime? ParseCivil(string literal) =>
        DateTime.TryParseExact(literal, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : null;

    private static DateTimeOffset? ParseTimestamp(string literal) =>
        Rfc3339().IsMatch(literal) && DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static (DataPointFilter?, string?, string?) Fail(string reason, string message) => (null, reason, message);

    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    return null;
                }

                tokens.Add(new Token(TokenKind.String, text[(i + 1)..end]));
                i = end + 1;
            }
            else if (c is '>' or '<' or '=' or '!' or ':')
            {
                var op = i + 1 < text.Length && text[i + 1] == '=' ? text.Substring(i, 2) : text.Substring(i, 1);
                tokens.Add(new Token(TokenKind.Operator, op));
                i += op.Length;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i]));
            }
            else
            {
                return null;
            }
        }

        return tokens;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    private enum TokenKind
    {
        Identifier,
        Operator,
        String,
    }

    private readonly record struct Token(TokenKind Kind, string Text);
}
