namespace LiverMuscle.Sync.Normalization;

/// <summary>A source record that could not be normalised: which one (by its provider id or name) and why.</summary>
public sealed record RecordError(string RecordId, string Reason);
