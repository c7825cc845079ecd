using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Refit;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// Sends one Grafana request through the retry pipeline and turns what no caller can handle into a
/// <see cref="GrafanaProvisioningException"/> with a clear message: unreachable after the retries, 401 (token
/// refused), 403 (the token lacks the named permission). Other answers go back to the caller.
/// </summary>
public sealed class GrafanaClient(IGrafanaHttpApi api, GrafanaResiliencePipeline pipeline, IOptions<GrafanaOptions> options)
{
    public IGrafanaHttpApi Api => api;

    public async Task<GrafanaAnswer> SendAsync(string action, string permission, Func<IGrafanaHttpApi, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(ct => send(api, ct), cancellationToken);
        }
        catch (Exception e) when (GrafanaResiliencePipeline.IsTransportFailure(e, cancellationToken))
        {
            var cause = e is ApiRequestException { InnerException: { } inner } ? inner : e;
            throw new GrafanaProvisioningException(
                $"Grafana at {options.Value.Url} is unreachable ({action}): {cause.Message} — tried {pipeline.Attempts} times. Check Grafana:Url and that Grafana is running.", cause);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var answer = new GrafanaAnswer(response.StatusCode, Parse(body), body);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => throw new GrafanaProvisioningException(
                    $"Grafana refused the service-account token (401) while trying to {action}: {answer.Message}. Check Grafana:ServiceAccountToken (expired, revoked or mistyped)."),
                HttpStatusCode.Forbidden => throw new GrafanaProvisioningException(
                    $"The service account lacks the permission '{permission}' needed to {action} (403: {answer.Message}). Give it that permission or a role that has it."),
                _ when (int)response.StatusCode >= 500 => throw new GrafanaProvisioningException(
                    $"Grafana failed to {action} with {(int)response.StatusCode} after {pipeline.Attempts} attempts: {answer.Message}."),
                _ => answer,
            };
        }
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
