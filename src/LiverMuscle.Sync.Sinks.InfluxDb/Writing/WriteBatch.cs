using System.Text;
using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// One unit sent to InfluxDB: either line protocol (with the points it came from, when known, to name rejected
/// ones), or an InfluxQL statement that changes data (a DELETE of points that vanished at the source).
/// </summary>
public sealed class WriteBatch
{
    public const string LinesKind = "line-protocol";
    public const string StatementKind = "influxql";

    private WriteBatch(string kind, byte[] payload, IReadOnlyList<Point>? points)
    {
        Kind = kind;
        Payload = payload;
        Points = points;
    }

    public string Kind { get; }

    /// <summary>UTF-8 line protocol (one line per point, each ending in a newline) or the statement text.</summary>
    public byte[] Payload { get; }

    /// <summary>The points behind the lines, in line order; null for a batch replayed from the spool.</summary>
    public IReadOnlyList<Point>? Points { get; }

    public int Count => Points?.Count ?? (Kind == LinesKind ? Payload.Count(b => b == (byte)'\n') : 1);

    public static WriteBatch Lines(byte[] payload, IReadOnlyList<Point>? points) => new(LinesKind, payload, points);

    public static WriteBatch Statement(string influxQl) => new(StatementKind, Encoding.UTF8.GetBytes(influxQl), null);

    public static WriteBatch FromSpool(string kind, byte[] payload) => new(kind, payload, null);

    public string StatementText => Encoding.UTF8.GetString(Payload);

    /// <summary>The lines without their newlines.</summary>
    public string[] SplitLines() => Encoding.UTF8.GetString(Payload).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A readable name for line <paramref name="index"/>: the point's identity, else the line itself.</summary>
    public string Describe(int index, string line) => Points is { } points && index < points.Count ? points[index].Describe() : line;
}
