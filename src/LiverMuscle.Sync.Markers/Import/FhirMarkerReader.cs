using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Markers.Import;

/// <summary>
/// Reads lab Observations from a FHIR R4 Bundle (JSON). An Observation is identified by a LOINC code of the catalogue;
/// its valueQuantity and effectiveDateTime (else issued) give the value and time. Entries that are not Observations
/// are skipped; an Observation that cannot be read or used becomes an error naming its entry, and the rest is read.
/// A file that is not a Bundle at all is refused whole (<see cref="InvalidDataException"/>).
/// </summary>
public static class FhirMarkerReader
{
    private const string LoincSystem = "http://loinc.org";

    public static MarkerReadResult Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a FHIR R4 Bundle: not JSON ({e.Message})", e);
        }

        using (document)
        {
            var entries = Entries(document.RootElement);
            var inputs = new List<MarkerInput>();
            var errors = new List<MarkerImportError>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i] is not { ValueKind: JsonValueKind.Object } entry
                    || !entry.TryGetProperty("resource", out var resource)
                    || ResourceType(resource) != "Observation")
                {
                    continue;
                }

                var id = resource.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                var location = $"entry {i + 1} (Observation/{id ?? "?"})";
                if (Deserialize(resource, out var observation, out var reason) && ReadObservation(observation, location, out var input, out reason))
                {
                    inputs.Add(input);
                }
                else
                {
                    errors.Add(new(location, reason));
                }
            }

            return new MarkerReadResult(inputs, errors);
        }
    }

    private static List<JsonElement> Entries(JsonElement root)
    {
        if (ResourceType(root) is not "Bundle")
        {
            throw new InvalidDataException($"Not a FHIR R4 Bundle: {(root.ValueKind == JsonValueKind.Object ? $"resourceType is '{ResourceType(root)}'" : $"the file holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}")}.");
        }

        if (!root.TryGetProperty("entry", out var entry))
        {
            return [];
        }

        return entry.ValueKind == JsonValueKind.Array
            ? [.. entry.EnumerateArray()]
            : throw new InvalidDataException("Not a FHIR R4 Bundle: 'entry' is not a list.");
    }

    private static string? ResourceType(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    private static bool Deserialize(JsonElement resource, out Observation observation, out string reason)
    {
        try
        {
            observation = new FhirJsonDeserializer().Deserialize<Observation>(resource.GetRawText());
            reason = string.Empty;
            return true;
        }
        catch (Exception e) when (e is DeserializationFailedException or FormatException or JsonException or InvalidOperationException)
        {
            observation = null!;
            reason = $"not a valid FHIR Observation: {e.Message}";
            return false;
        }
    }

    private static bool ReadObservation(Observation observation, string location, out MarkerInput input, out string reason)
    {
        input = null!;
        var codes = observation.Code?.Coding.Where(c => c.System == LoincSystem && c.Code is not null).Select(c => c.Code!).ToList() ?? [];
        var definition = codes.Select(MarkerCatalog.FindByLoinc).FirstOrDefault(d => d is not null);
        if (definition is null)
        {
            reason = codes.Count == 0
                ? "no LOINC code"
                : $"LOINC {string.Join(", ", codes)} is not a known marker";
            return false;
        }

        if (observation.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled)
        {
            reason = $"status is {observation.Status}";
            return false;
        }

        if (observation.Value is not Quantity { Value: { } value } quantity)
        {
            reason = $"{definition.Id} has no valueQuantity";
            return false;
        }

        var time = observation.Effective switch
        {
            FhirDateTime effective => ParseTime(effective.Value),
            Period { Start: { } start } => ParseTime(start),
            _ => ParseTime(observation.Issued?.ToString("O", CultureInfo.InvariantCulture)),
        };
        if (time is null)
        {
            reason = $"{definition.Id} has no effectiveDateTime or issued time";
            return false;
        }

        input = new MarkerInput(location, definition.Id, (double)value, quantity.Unit ?? quantity.Code, time.Value, Sources.Lab);
        reason = string.Empty;
        return true;
    }

    private static MarkerTime? ParseTime(string? text) =>
        text is not null && MarkerDateParser.TryParse(text, out var time) ? time : null;
}
