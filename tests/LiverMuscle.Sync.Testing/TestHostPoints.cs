using LiverMuscle.Sync.Normalization;
using Xunit;

namespace LiverMuscle.Sync.Testing;

public static class TestHostPoints
{
    /// <summary>Writes through the worker's sink; fails unless InfluxDB accepted every point.</summary>
    public static async Task WriteAsync(this TestHost host, IReadOnlyList<Point> points)
    {
        var result = await host.Get<IPointSink>().WriteAsync(points, CancellationToken.None);
        Assert.True(result.Accepted == points.Count, $"Wrote {result}: {string.Join("; ", result.Rejected.Select(r => r.Reason))}");
    }
}
