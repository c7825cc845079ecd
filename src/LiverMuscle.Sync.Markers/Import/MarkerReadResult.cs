namespace LiverMuscle.Sync.Markers.Import;

/// <summary>What a reader produced from a file: inputs to store and the ones it could not read.</summary>
public sealed record MarkerReadResult(IReadOnlyList<MarkerInput> Inputs, IReadOnlyList<MarkerImportError> Errors);
