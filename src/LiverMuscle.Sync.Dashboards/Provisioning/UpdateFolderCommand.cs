using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary><c>PUT /api/folders/{folder_uid}</c> (UpdateFolderCommand).</summary>
public sealed record UpdateFolderCommand(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("overwrite")] bool Overwrite);
