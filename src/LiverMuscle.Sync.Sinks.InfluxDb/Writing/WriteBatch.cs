using System.Text;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// One unit sent to InfluxDB: either line protocol (with the points it came from, when known, to attribute a
/// rejection) with the timestamp precision it was encoded in, or an InfluxQL statement that changes data (a DELETE of
/// points that vanished at the source). Lines are addressed by their index in the batch. The spool names a batch's kind
/// and precision (<c>line-protocol</c> alone is whole seconds, as every batch was before precision was recorded).
/// </summary>
internal sealed class WriteBatch
{
    internal const string LinesSpoolKind = "line-protocol";
    internal const string StatementSpoolKind = "influxql";
    private readonly int[] _lineStarts;

    private WriteBatch(WriteBatchKind kind, byte[] payload, IReadOnlyList<Point>? points, WritePrecision precision = WritePrecision.Seconds)
    {
        Kind = kind;
        Payload = payload;
        Points = points;
        Precision = precision;
        _lineStarts = kind == WriteBatchKind.Lines ? LineStarts(payload) : [];
    }

    public WriteBatchKind Kind { get; }

    /// <summary>The precision of the lines' timestamps, sent as the <c>precision</c> of the write.</summary>
    public WritePrecision Precision { get; }

    /// <summary>UTF-8 line protocol (one line per point, each ending in a newline) or the statement text.</summary>
    public byte[] Payload { get; }

    /// <summary>The points behind the lines, in line order; null for a batch replayed from the spool.</summary>
    public IReadOnlyList<Point>? Points { get; }

    /// <summary>Lines of line protocol, or 1 for a statement.</summary>
    public int Count => Kind == WriteBatchKind.Lines ? _lineStarts.Length : 1;

    /// <summary>How the spool names this kind of batch.</summary>
    public string SpoolKind => Kind == WriteBatchKind.Statement ? StatementSpoolKind
        : Precision == WritePrecision.Seconds ? LinesSpoolKind
        : $"{LinesSpoolKind};{Precision.QueryValue()}";

    public string StatementText => Encoding.UTF8.GetString(Payload);

    public static WriteBatch Lines(byte[] payload, IReadOnlyList<Point>? points, WritePrecision precision) => new(WriteBatchKind.Lines, payload, points, precision);

    public static WriteBatch Statement(string influxQl) => new(WriteBatchKind.Statement, Encoding.UTF8.GetBytes(influxQl), null);

    public static WriteBatch FromSpool(string kind, byte[] payload) => kind switch
    {
        LinesSpoolKind => new(WriteBatchKind.Lines, payload, null),
        StatementSpoolKind => new(WriteBatchKind.Statement, payload, null),
        _ when kind.StartsWith(LinesSpoolKind + ";", StringComparison.Ordinal) && PrecisionOf(kind[(LinesSpoolKind.Length + 1)..]) is { } precision =>
            new(WriteBatchKind.Lines, payload, null, precision),
        _ => throw new InvalidDataException($"The write spool holds a batch of unknown kind '{kind}'; it was written by another version of livermuscle-sync."),
    };

    private static WritePrecision? PrecisionOf(string queryValue) =>
        Enum.GetValues<WritePrecision>().Cast<WritePrecision?>().FirstOrDefault(p => p!.Value.QueryValue() == queryValue);

    /// <summary>Line <paramref name="index"/> without its newline.</summary>
    public string LineText(int index) => Encoding.UTF8.GetString(LineSpan(index)[..^1]);

    /// <summary>The line protocol of the given lines, in that order (the payload itself when that is every line).</summary>
    public byte[] PayloadOf(IReadOnlyList<int> lines)
    {
        if (lines.Count == Count)
        {
            return Payload;
        }

        var bytes = new byte[lines.Sum(i => LineSpan(i).Length)];
        var offset = 0;
        foreach (var line in lines)
        {
            var span = LineSpan(line);
            span.CopyTo(bytes.AsSpan(offset));
            offset += span.Length;
        }

        return bytes;
    }

    private ReadOnlySpan<byte> LineSpan(int index)
    {
        var end = index + 1 < _lineStarts.Length ? _lineStarts[index + 1] : Payload.Length;
        return Payload.AsSpan(_lineStarts[index], end - _lineStarts[index]);
    }

    private static int[] LineStarts(byte[] payload)
    {
        var starts = new List<int>(payload.Length / 64);
        for (var start = 0; start < payload.Length;)
        {
            starts.Add(start);
            var newline = payload.AsSpan(start).IndexOf((byte)'\n');
            start = newline < 0 ? payload.Length : start + newline + 1;
        }

        return [.. starts];
    }
}
