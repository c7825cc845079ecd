using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using LiverMuscle.Sync.Markers.Catalog;
using LiverMuscle.Sync.Normalization.Schema;

namespace LiverMuscle.Sync.Markers.Import;

/// <summary>
/// Reads lab Observations from a FHIR R4 Bundle (JSON). An Observation is identified by a LOINC code of the catalogue;
/// its valueQuantity and effectiveDateTime (else issued) give the value and time. Entries that are not Observations
/// are skipped; an Observation that cannot be used becomes an error naming its entry.
/// </summary>
public static class FhirMarkerReader
{
    private const string LoincSystem = "http://loinc.org";

    public static MarkerReadResult Read(string json)
    {
        Bundle bundle;
        try
        {
            bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);
        }
        catch (Exception e) when (e is DeserializationFailedException or FormatException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"Not a FHIR R4 Bundle: {e.Message}", e);
        }

        var inputs = new List<MarkerInput>();
        var errors = new List<MarkerImportError>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is not Observation observation)
            {
                continue;
            }

            var location = $"entry {i + 1} (Observation/{observation.Id ?? "?"})";
            if (ReadObservation(observation, location, out var input, out var reason))
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
