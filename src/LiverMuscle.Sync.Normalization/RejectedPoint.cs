namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// Point number <paramref name="Index"/> of a write, which the database refused for <paramref name="Reason"/>; not
/// retried. <paramref name="Attributed"/> is false when the database dropped part of the batch without naming which
/// points: this one may be stored after all, but it is not counted as accepted.
/// </summary>
public sealed record RejectedPoint(int Index, Point Point, string Reason, bool Attributed);
