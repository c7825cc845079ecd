using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>Serializer metadata for the generated Grafana client's request bodies.</summary>
[JsonSerializable(typeof(SaveDashboardCommand))]
[JsonSerializable(typeof(CreateFolderCommand))]
[JsonSerializable(typeof(UpdateFolderCommand))]
[JsonSerializable(typeof(DataSourceCommand))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class GrafanaJsonContext : JsonSerializerContext;
