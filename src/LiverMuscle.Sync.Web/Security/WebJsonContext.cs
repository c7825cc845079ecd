using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Web.Security;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InviteRecord))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
