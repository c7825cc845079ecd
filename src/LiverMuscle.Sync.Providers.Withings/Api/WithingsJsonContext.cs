using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary>Serializer metadata of the Withings answers (numeric ids may arrive as strings, e.g. <c>userid</c>, <c>grpid</c>).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(IDictionary<string, string>))]
[JsonSerializable(typeof(WithingsPageHeader))]
[JsonSerializable(typeof(MeasureGroup))]
[JsonSerializable(typeof(Workout))]
[JsonSerializable(typeof(TokenBody))]
[JsonSerializable(typeof(NotifyListBody))]
internal sealed partial class WithingsJsonContext : JsonSerializerContext;
