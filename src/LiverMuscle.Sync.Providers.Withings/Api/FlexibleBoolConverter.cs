using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiverMuscle.Sync.Providers.Withings.Api;

/// <summary><c>more</c> is an integer in getmeas and a boolean in getworkouts: read both.</summary>
internal sealed class FlexibleBoolConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => reader.GetInt64() != 0,
        JsonTokenType.String => reader.GetString() is "1" or "true",
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Cannot read {reader.TokenType} as a boolean."),
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteBooleanValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
