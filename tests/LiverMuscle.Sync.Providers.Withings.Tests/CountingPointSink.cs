using System.Collections.Concurrent;
using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>The real sink, with how many points of each measurement were handed to it.</summary>
internal sealed class CountingPointSink(IPointSink sink) : IPointSink
{
    private readonly ConcurrentDictionary<string, int> _points = new(StringComparer.Ordinal);

    public int PointsOf(string measurement) => _points.GetValueOrDefault(measurement);

    public ValueTask<SinkWriteResult> WriteAsync(IReadOnlyList<Point> points, CancellationToken cancellationToken)
    {
        foreach (var point in points)
        {
            _points.AddOrUpdate(point.Measurement, 1, (_, count) => count + 1);
        }

        return sink.WriteAsync(points, cancellationToken);
    }

    public ValueTask DeleteAsync(PointDeletion deletion, CancellationToken cancellationToken) => sink.DeleteAsync(deletion, cancellationToken);
}
