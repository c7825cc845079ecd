using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

/// <summary>Line <paramref name="Line"/> of a batch was refused (or possibly dropped), as <paramref name="Outcome"/> says.</summary>
internal readonly record struct LineRejection(int Line, PointOutcome Outcome);
