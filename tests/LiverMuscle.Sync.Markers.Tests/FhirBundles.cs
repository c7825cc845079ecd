namespace LiverMuscle.Sync.Markers.Tests;

/// <summary>A lab result bundle as a hospital portal exports it, with three deliberately unusable Observations.</summary>
internal static class FhirBundles
{
    public const string LabResults = """
        {
          "resourceType": "Bundle",
          "type": "collection",
          "entry": [
            { "resource": { "resourceType": "Patient", "id": "p1" } },
            { "resource": { "resourceType": "Observation", "id": "alt", "status": "final",
                "code": { "coding": [ { "system": "http://loinc.org", "code": "1742-6", "display": "ALT" } ] },
                "effectiveDateTime": "2026-09-01T08:00:00+02:00",
                "valueQuantity": { "value": 0.7, "unit": "µkat/L", "system": "http://unitsofmeasure.org", "code": "ukat/L" } } },
            { "resource": { "resourceType": "Observation", "id": "plt", "status": "final",
                "code": { "coding": [ { "system": "http://loinc.org", "code": "777-3" } ] },
                "effectiveDateTime": "2026-09-01",
                "valueQuantity": { "value": 180, "unit": "10*3/uL" } } },
            { "resource": { "resourceType": "Observation", "id": "chol", "status": "final",
                "code": { "coding": [ { "system": "http://loinc.org", "code": "2093-3" } ] },
                "effectiveDateTime": "2026-09-01",
                "valueQuantity": { "value": 5.2, "unit": "mmol/L" } } },
            { "resource": { "resourceType": "Observation", "id": "ast-missing", "status": "final",
                "code": { "coding": [ { "system": "http://loinc.org", "code": "1920-8" } ] },
                "effectiveDateTime": "2026-09-01" } },
            { "resource": { "resourceType": "Observation", "id": "ggt-negative", "status": "final",
                "code": { "coding": [ { "system": "http://loinc.org", "code": "2324-2" } ] },
                "effectiveDateTime": "2026-09-01",
                "valueQuantity": { "value": -5, "unit": "U/L" } } },
            { "resource": { "resourceType": "Observation", "id": "a1c", "status": "final",
                "code": { "coding": [ { "system": "http://loinc.org", "code": "4548-4" } ] },
                "effectiveDateTime": "2026-09-01",
                "valueQuantity": { "value": 5.6, "unit": "%" } } }
          ]
        }
        """;
}
