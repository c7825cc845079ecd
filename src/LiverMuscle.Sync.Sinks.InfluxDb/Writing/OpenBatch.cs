using System.Text;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Sinks.InfluxDb.LineProtocol;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>
/// The batch being filled: encoded lines, and for each line the request and index of the point it came from. A point
/// the protocol cannot carry is rejected at once and takes no line.
/// </summary>
internal sealed class OpenBatch(int capacity, WritePrecision precision)
{
    private readonly StringBuilder _text = new(capacity * 96);
    private readonly List<Point> _points = new(capacity);
    private readonly List<WriteRequest> _owners = new(capacity);
    private readonly List<int> _indices = new(capacity);

    public int Count => _points.Count;

    public bool IsFull => _points.Count >= capacity;

    /// <summary>Encodes the request's points from <paramref name="from"/> until the batch is full; returns the next index.</summary>
    public int Append(WriteRequest request, int from, ILogger logger)
    {
        var i = from;
        for (; i < request.Points.Count && !IsFull; i++)
        {
            var point = request.Points[i];
            if (!LineProtocolEncoder.TryAppend(_text, point, precision, out var error))
            {
                Log.PointRejected(logger, point.Describe(), error!);
                request.Settle(i, PointOutcome.Rejected(error!));
                continue;
            }

            _points.Add(point);
            _owners.Add(request);
            _indices.Add(i);
        }

        return i;
    }

    /// <summary>The batch to send, and the batch empties for the next one.</summary>
    public OutgoingBatch Take()
    {
        var batch = new OutgoingBatch(WriteBatch.Lines(Utf8(_text), _points.ToArray(), precision), _owners.ToArray(), _indices.ToArray());
        _text.Clear();
        _points.Clear();
        _owners.Clear();
        _indices.Clear();
        return batch;
    }

    private static byte[] Utf8(StringBuilder builder)
    {
        var length = 0;
        foreach (var chunk in builder.GetChunks())
        {
            length += Encoding.UTF8.GetByteCount(chunk.Span);
        }

        var bytes = new byte[length];
        var offset = 0;
        foreach (var chunk in builder.GetChunks())
        {
            offset += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(offset));
        }

        return bytes;
    }
}
