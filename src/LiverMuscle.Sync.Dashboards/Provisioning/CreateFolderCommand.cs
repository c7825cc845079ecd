using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary><c>POST /api/folders</c> (CreateFolderCommand).</summary>
public sealed record CreateFolderCommand(
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("title")] string Title);
