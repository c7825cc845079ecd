namespace LiverMuscle.Sync.Markers.Import;

/// <summary>The outcome of an import: how many values were stored and every input that was not, with its reason.</summary>
public sealed record MarkerImportReport(int Stored, IReadOnlyList<MarkerImportError> Errors);
