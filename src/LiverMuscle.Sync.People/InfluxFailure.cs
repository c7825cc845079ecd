using LiverMuscle.Sync.Sinks.InfluxDb.Query;
using LiverMuscle.Sync.Sinks.InfluxDb.Writing;
using Refit;

namespace LiverMuscle.Sync.People;

/// <summary>Whether an exception means InfluxDB could not do what was asked (unreachable, timed out, refused the statement).</summary>
public static class InfluxFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested &&
        exception is InfluxQueryException or InfluxUnavailableException or HttpRequestException or ApiRequestException or IOException or OperationCanceledException;
}
