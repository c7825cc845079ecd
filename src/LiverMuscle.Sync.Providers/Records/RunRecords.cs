using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Records;

/// <summary>
/// The records one run of a source has written, so that a record served by several reads of the run (a change feed,
/// then the window re-read) is written and counted once. A record served again with another point (edited between
/// the reads) is written again but not counted again; one whose point a deletion of the run removed is written again.
/// Points of no record (a replacement for a vanished one) are written and counted as they come.
/// </summary>
public sealed class RunRecords
{
    private readonly Dictionary<string, Point> _written = new(StringComparer.Ordinal);
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);

    /// <summary>Forgets the records whose point <paramref name="deletion"/> removes: they are written again when served.</summary>
    public void Forget(PointDeletion deletion)
    {
        foreach (var id in _written.Where(w => Removes(deletion, w.Value)).Select(w => w.Key).ToList())
        {
            _written.Remove(id);
        }
    }

    /// <summary>The points of <paramref name="batch"/> to write: all but those of records this run wrote with an equal point.</summary>
    public IReadOnlyList<Point> ToWrite(SyncBatch batch)
    {
        var pending = new Dictionary<string, Point>(StringComparer.Ordinal);
        var repeated = new HashSet<Point>(ReferenceEqualityComparer.Instance);
        foreach (var record in batch.Records)
        {
            if ((pending.TryGetValue(record.Id, out var earlier) || _written.TryGetValue(record.Id, out earlier)) && Equal(earlier, record.Point))
            {
                repeated.Add(record.Point);
            }
            else
            {
                pending[record.Id] = record.Point;
            }
        }

        return repeated.Count == 0 ? batch.Points : [.. batch.Points.Where(p => !repeated.Contains(p))];
    }

    /// <summary>Remembers what of <paramref name="points"/> the sink took; how many of them are records new to this run.</summary>
    public int Written(SyncBatch batch, IReadOnlyList<Point> points, SinkWriteResult result)
    {
        var ids = new Dictionary<Point, string>(ReferenceEqualityComparer.Instance);
        foreach (var record in batch.Records)
        {
            ids[record.Point] = record.Id;
        }

        var counted = 0;
        for (var i = 0; i < points.Count && i < result.Outcomes.Count; i++)
        {
            if (result.Outcomes[i].Fate is not (PointFate.Accepted or PointFate.Kept))
            {
                continue;
            }

            if (!ids.TryGetValue(points[i], out var id))
            {
                counted++;
                continue;
            }

            _written[id] = points[i];
            if (_counted.Add(id))
            {
                counted++;
            }
        }

        return counted;
    }

    private static bool Removes(PointDeletion deletion, Point point) =>
        deletion.Measurement == point.Measurement
        && point.Timestamp >= deletion.From && point.Timestamp <= deletion.To
        && deletion.Tags.All(tag => point.Tags.TryGetValue(tag.Key, out var value) && value == tag.Value);

    private static bool Equal(Point a, Point b) =>
        a.Measurement == b.Measurement
        && a.Timestamp == b.Timestamp
        && a.Tags.Count == b.Tags.Count && a.Tags.All(tag => b.Tags.TryGetValue(tag.Key, out var value) && value == tag.Value)
        && a.Fields.Count == b.Fields.Count && a.Fields.All(field => b.Fields.TryGetValue(field.Key, out var value) && value.Equals(field.Value));
}
