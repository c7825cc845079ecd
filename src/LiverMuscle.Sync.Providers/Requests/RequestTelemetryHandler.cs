using System.Diagnostics;
using LiverMuscle.Sync.Infrastructure.Telemetry;

namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>A span per attempt, beneath the sync run's, and the attempt counted by how the provider answered.</summary>
internal sealed class RequestTelemetryHandler(SyncMetrics metrics, string provider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var span = SyncTelemetry.StartProviderRequest(provider, request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var answer = ProviderRequestOptions.AnswerOf(response)?.Kind.ToString().ToLowerInvariant() ?? "unclassified";
            span?.SetTag("http.response.status_code", (int)response.StatusCode).SetTag(SyncTelemetry.AnswerKey, answer);
            metrics.RecordRequest(provider, answer);
            return response;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            metrics.RecordRequest(provider, "error");
            throw;
        }
    }
}
