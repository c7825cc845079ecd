using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary><c>POST /api/dashboards/db</c> (SaveDashboardCommand).</summary>
public sealed record SaveDashboardCommand(
    [property: JsonPropertyName("dashboard")] JsonObject Dashboard,
    [property: JsonPropertyName("folderUid")] string FolderUid,
    [property: JsonPropertyName("overwrite")] bool Overwrite,
    [property: JsonPropertyName("message")] string Message);

/// <summary><c>POST /api/folders</c> (CreateFolderCommand).</summary>
public sealed record CreateFolderCommand(
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("title")] string Title);

/// <summary><c>PUT /api/folders/{folder_uid}</c> (UpdateFolderCommand).</summary>
public sealed record UpdateFolderCommand(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("overwrite")] bool Overwrite);

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
