using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary><c>POST /api/datasources</c> (AddDataSourceCommand) and <c>PUT /api/datasources/uid/{uid}</c> (UpdateDataSourceCommand).</summary>
public sealed record DataSourceCommand
{
    [JsonPropertyName("uid")]
    public required string Uid { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "influxdb";

    [JsonPropertyName("access")]
    public string Access { get; init; } = "proxy";

    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("user")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? User { get; init; }

    [JsonPropertyName("isDefault")]
    public bool IsDefault { get; init; }

    [JsonPropertyName("jsonData")]
    public required JsonObject JsonData { get; init; }

    [JsonPropertyName("secureJsonData")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? SecureJsonData { get; init; }

    /// <summary>Never print the secrets.</summary>
    public override string ToString() => $"DataSourceCommand {{ Uid = {Uid}, Name = {Name}, Url = {Url}, User = {User}, SecureJsonData = {(SecureJsonData is null ? "(none)" : "***")} }}";
}
