using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>A JSON body with a status code and optional extra headers.</summary>
internal sealed class JsonAnswer(JsonNode body, int status, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "application/json; charset=UTF-8";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            httpContext.Response.Headers[name] = value;
        }

        await httpContext.Response.WriteAsync(body.ToJsonString(Output), httpContext.RequestAborted);
    }
}
