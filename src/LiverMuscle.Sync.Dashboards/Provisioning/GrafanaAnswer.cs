using System.Net;
using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>A Grafana answer: status, JSON body (when it was a JSON object) and Grafana's <c>message</c>.</summary>
public sealed record GrafanaAnswer(HttpStatusCode Status, JsonObject? Json, string RawBody)
{
    public string Message => Json?["message"]?.GetValue<string>() is { Length: > 0 } message
        ? message
        : RawBody.Length > 200 ? RawBody[..200] : RawBody;

    public string? StatusText => Json?["status"]?.GetValue<string>();
}
