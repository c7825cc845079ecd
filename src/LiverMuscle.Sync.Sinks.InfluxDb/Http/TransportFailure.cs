using Refit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Http;

/// <summary>Whether an exception means the server could not be reached (as opposed to a bug or a cancellation by us).</summary>
internal static class TransportFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception is HttpRequestException or ApiRequestException or TaskCanceledException or IOException;
}
