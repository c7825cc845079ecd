using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Api;

/// <summary>Serializer metadata of the Google Health answers (proto3 JSON: lowerCamelCase, int64 as strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(DataPointDto))]
[JsonSerializable(typeof(IdentityDto))]
[JsonSerializable(typeof(SettingsDto))]
[JsonSerializable(typeof(TokenResponseDto))]
internal sealed partial class GoogleHealthJsonContext : JsonSerializerContext;
