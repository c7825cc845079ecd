using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using LiverMuscle.Sync.Dashboards.Provisioning;
using Refit;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>Our Refit interface against Grafana's OpenAPI spec: every path, method, parameter and body property exists.</summary>
[Trait("Category", "Unit")]
public sealed partial class GrafanaContractTests
{
    private static readonly GrafanaOpenApiContract Contract = GrafanaOpenApiContract.Default;

    public static TheoryData<string> Methods => [.. typeof(IGrafanaHttpApi).GetMethods().Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Methods))]
    public void ClientMethod_IsAnOperationOfGrafanasSpec_WithItsRequiredParametersAndBody(string name)
    {
        var method = typeof(IGrafanaHttpApi).GetMethod(name)!;
        var http = method.GetCustomAttribute<HttpMethodAttribute>()!;

        var found = Contract.Find(http.Method.Method, http.Path);

        Assert.True(found is not null, $"{http.Method} {http.Path} is not in Grafana's OpenAPI spec");
        var (_, operation) = found.Value;
        var templateParameters = TemplateParameter().Matches(http.Path).Select(m => m.Groups[1].Value).ToHashSet();
        var required = operation.Parameters.Where(p => p.Required).Select(p => p.Name).ToHashSet();
        Assert.Equal(required, templateParameters);
        var bound = method.GetParameters()
            .Where(p => p.ParameterType != typeof(CancellationToken) && p.GetCustomAttribute<BodyAttribute>() is null)
            .Select(p => p.GetCustomAttribute<AliasAsAttribute>()?.Name ?? p.Name!)
            .ToHashSet();
        Assert.Equal(templateParameters, bound);

        var body = method.GetParameters().SingleOrDefault(p => p.GetCustomAttribute<BodyAttribute>() is not null);
        Assert.Equal(operation.RequestBody is { Required: true }, body is not null);
        if (body is not null)
        {
            var known = GrafanaOpenApiContract.BodyProperties(operation);
            var ours = JsonNames(body.ParameterType);
            Assert.NotEmpty(ours);
            Assert.True(ours.IsSubsetOf(known), $"{http.Path}: {string.Join(", ", ours.Except(known))} not in the spec's {string.Join(", ", known)}");
        }
    }

    [Fact]
    public void ContractCheck_RejectsARequestTheSpecDoesNotDescribe()
    {
        Assert.NotEmpty(Contract.Check("POST", "/api/dashboards/db", new JsonObject { ["dashboard"] = new JsonObject(), ["folderTitle"] = "x" }));
        Assert.NotEmpty(Contract.Check("PATCH", "/api/dashboards/db", new JsonObject { ["dashboard"] = new JsonObject() }));
        Assert.NotEmpty(Contract.Check("POST", "/api/dashboards/import", new JsonObject()));
        Assert.NotEmpty(Contract.Check("POST", "/api/folders", null));
        Assert.Empty(Contract.Check("PUT", "/api/folders/livermuscle", new JsonObject { ["title"] = "t", ["version"] = 1, ["overwrite"] = true }));
    }

    [Fact]
    public void SaveDashboardCommand_SerializesTheKeysGrafanaReads()
    {
        var json = JsonSerializer.SerializeToNode(new SaveDashboardCommand(new JsonObject { ["uid"] = "u" }, "f", true, "m"), GrafanaJsonContext.Default.SaveDashboardCommand)!.AsObject();

        Assert.Equal(["dashboard", "folderUid", "overwrite", "message"], json.Select(p => p.Key));
    }

    private static HashSet<string> JsonNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no JsonPropertyName"))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex TemplateParameter();
}
