namespace LiverMuscle.Sync.Markers.Import;

/// <summary>An input that was not stored: where it is (e.g. <c>line 4</c>, <c>entry 2 (Observation/ob-2)</c>) and why.</summary>
public sealed record MarkerImportError(string Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}
