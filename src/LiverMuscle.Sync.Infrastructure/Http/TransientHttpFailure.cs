using System.Net;
using Polly;
using Polly.Timeout;

namespace LiverMuscle.Sync.Infrastructure.Http;

/// <summary>
/// The one rule for "worth another attempt": network errors, timeouts (an attempt timeout, or the connection's
/// while the caller did not cancel), 408, 429 and every 5xx. Other answers are final.
/// </summary>
public static class TransientHttpFailure
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
