using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Records;

/// <summary>
/// Reads the list of an answer one element at a time, so one record that does not deserialize is reported by its id
/// and skipped while the others are kept. An answer whose list is missing or is not a list is not "no records":
/// it is a failed read (<see cref="InvalidDataException"/>), and nothing may be concluded from it.
/// </summary>
public static class JsonRecords
{
    /// <summary>
    /// Each element of <paramref name="list"/> as <typeparamref name="T"/>; an element that cannot be read becomes a
    /// <see cref="RecordError"/> named by its <paramref name="idProperty"/> (or its position).
    /// </summary>
    public static ParsedElements<T> ReadEach<T>(JsonElement list, JsonTypeInfo<T> type, string idProperty, string what)
        where T : class =>
        ReadEach(
            list,
            element => element.Deserialize(type) ?? throw new JsonException($"a {what} must be an object, got null"),
            (element, index) => IdOf(element, idProperty) ?? $"#{index}",
            (id, error) => $"{what} {id} cannot be read: {error.Message}");

    /// <summary>
    /// Each element of <paramref name="list"/> converted by <paramref name="read"/> (null: nothing to keep); an element
    /// whose conversion fails on its content becomes a <see cref="RecordError"/> named by <paramref name="idOf"/>.
    /// </summary>
    public static ParsedElements<T> ReadEach<T>(JsonElement list, Func<JsonElement, T?> read, Func<JsonElement, int, string> idOf, Func<string, Exception, string> reason)
        where T : class
    {
        var items = new List<T>();
        var errors = new List<RecordError>();
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            try
            {
                if (read(element) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
            {
                var id = idOf(element, index);
                errors.Add(new RecordError(id, reason(id, e)));
            }

            index++;
        }

        return new ParsedElements<T>(items, errors);
    }

    /// <summary>The array <paramref name="name"/> of the object <paramref name="body"/>, which a well-formed answer must carry.</summary>
    public static JsonElement RequireArray(JsonElement body, string name, string answer) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list
            : throw new InvalidDataException($"{answer} carries no '{name}' list ({Describe(body, name)}); the answer is malformed and nothing was read from it.");

    /// <summary>The array <paramref name="name"/> of <paramref name="body"/>, or null when absent; anything but an array is malformed.</summary>
    public static JsonElement? OptionalArray(JsonElement body, string name, string answer) =>
        !body.TryGetProperty(name, out var list) ? null
        : list.ValueKind == JsonValueKind.Array ? list
        : throw new InvalidDataException($"{answer} has a '{name}' that is {list.ValueKind}, not a list; the answer is malformed and nothing was read from it.");

    /// <summary>The string <paramref name="name"/> of <paramref name="body"/>, or null when absent; anything but a string is malformed.</summary>
    public static string? OptionalString(JsonElement body, string name, string answer) =>
        !body.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new InvalidDataException($"{answer} has a '{name}' that is {value.ValueKind}, not a string; the answer is malformed and nothing was read from it.");

    /// <summary>The id of a raw record, whether the provider sent it as a string or a number.</summary>
    public static string? IdOf(JsonElement element, string idProperty) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(idProperty, out var id)
            ? id.ValueKind switch
            {
                JsonValueKind.String => id.GetString(),
                JsonValueKind.Number => id.GetRawText(),
                _ => null,
            }
            : null;

    private static string Describe(JsonElement body, string name) => body.ValueKind switch
    {
        JsonValueKind.Undefined => "no body at all",
        JsonValueKind.Object when body.TryGetProperty(name, out var value) => $"'{name}' is {value.ValueKind}",
        JsonValueKind.Object => $"the body has no '{name}'",
        _ => $"the body is {body.ValueKind}",
    };
}
