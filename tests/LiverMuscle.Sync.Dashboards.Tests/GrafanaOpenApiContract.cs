using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.Testing;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>Grafana's published OpenAPI contract (the extract in ../shared/grafana), read with Microsoft.OpenApi.</summary>
internal sealed partial class GrafanaOpenApiContract
{
    private static readonly Lazy<GrafanaOpenApiContract> Instance = new(Load);

    private GrafanaOpenApiContract(OpenApiDocument document) => Document = document;

    public static GrafanaOpenApiContract Default => Instance.Value;

    public OpenApiDocument Document { get; }

    /// <summary>The server prefix every path in the spec is relative to (<c>/api</c>).</summary>
    public string Prefix => Document.Servers.Single().Url;

    public (string Template, OpenApiOperation Operation)? Find(string method, string template)
    {
        var relative = template.StartsWith(Prefix, StringComparison.Ordinal) ? template[Prefix.Length..] : null;
        if (relative is null || !Document.Paths.TryGetValue(relative, out var item))
        {
            return null;
        }

        return item.Operations.TryGetValue(Enum.Parse<OperationType>(method, ignoreCase: true), out var operation) ? (relative, operation) : null;
    }

    /// <summary>Matches a concrete request path (<c>/api/folders/livermuscle</c>) to a path template of the spec.</summary>
    public (string Template, OpenApiOperation Operation)? Match(string method, string path)
    {
        foreach (var (template, item) in Document.Paths)
        {
            var pattern = "^" + Regex.Escape(Prefix + template).Replace("\\{", "{", StringComparison.Ordinal);
            pattern = ParameterPattern().Replace(pattern, "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern) && item.Operations.TryGetValue(Enum.Parse<OperationType>(method, ignoreCase: true), out var operation))
            {
                return (template, operation);
            }
        }

        return null;
    }

    /// <summary>
    /// Property names the request body schema declares. For schemas the extract left out (flag
    /// <c>x-omitted-from-extract</c>) the field names listed in their description are used.
    /// </summary>
    public static IReadOnlySet<string> BodyProperties(OpenApiOperation operation)
    {
        var schema = operation.RequestBody.Content["application/json"].Schema;
        if (schema.Extensions.ContainsKey("x-omitted-from-extract"))
        {
            var list = schema.Description[(schema.Description.LastIndexOf("):", StringComparison.Ordinal) + 2)..];
            return list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }

        return schema.Properties.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Problems with one request as it went over the wire: unknown path/method, body keys the spec lacks.</summary>
    public IReadOnlyList<string> Check(string method, string path, JsonObject? body)
    {
        if (Match(method, path) is not { } match)
        {
            return [$"{method} {path} is not an operation of Grafana's API"];
        }

        var problems = new List<string>();
        var operation = match.Operation;
        if (operation.RequestBody is { Required: true } && body is null)
        {
            problems.Add($"{method} {path} must send a body");
        }

        if (body is not null)
        {
            if (operation.RequestBody is null)
            {
                problems.Add($"{method} {path} takes no body");
            }
            else
            {
                var known = BodyProperties(operation);
                problems.AddRange(body.Select(p => p.Key).Where(k => !known.Contains(k)).Select(k => $"{method} {path}: body property '{k}' is not in the spec ({string.Join(", ", known)})"));
            }
        }

        return problems;
    }

    public static bool IsOmitted(OpenApiSchema schema) => schema.Extensions.TryGetValue("x-omitted-from-extract", out var flag) && flag is OpenApiBoolean { Value: true };

    private static GrafanaOpenApiContract Load()
    {
        using var stream = File.OpenRead(SharedData.PathOf("grafana", "grafana-http-api-extract.openapi.json"));
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        if (diagnostic.Errors.Count > 0)
        {
            throw new InvalidOperationException("Grafana's OpenAPI extract does not parse: " + string.Join("; ", diagnostic.Errors.Select(e => e.Message)));
        }

        return new GrafanaOpenApiContract(document);
    }

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex ParameterPattern();
}
