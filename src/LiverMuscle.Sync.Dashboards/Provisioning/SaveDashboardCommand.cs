using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary><c>POST /api/dashboards/db</c> (SaveDashboardCommand).</summary>
public sealed record SaveDashboardCommand(
    [property: JsonPropertyName("dashboard")] JsonObject Dashboard,
    [property: JsonPropertyName("folderUid")] string FolderUid,
    [property: JsonPropertyName("overwrite")] bool Overwrite,
    [property: JsonPropertyName("message")] string Message);
