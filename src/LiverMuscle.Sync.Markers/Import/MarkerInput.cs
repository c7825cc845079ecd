namespace LiverMuscle.Sync.Markers.Import;

/// <summary>
/// One marker value as entered or read from a file, before unit conversion. <paramref name="Location"/> names where it
/// came from (a CSV line, a FHIR entry) for error messages; <paramref name="Time"/> is either a date (local midnight of
/// the user) or an instant.
/// </summary>
public sealed record MarkerInput(string Location, string Marker, double Value, string? Unit, MarkerTime Time, string Source);
