using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Http;

/// <summary>Serializer metadata for the generated Refit client (its bodies are line protocol and forms, not JSON).</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IDictionary<string, string>))]
internal sealed partial class InfluxJsonContext : JsonSerializerContext;
