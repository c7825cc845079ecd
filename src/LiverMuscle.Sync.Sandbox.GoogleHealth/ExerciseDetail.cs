namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>Extra exercise detail the typed record does not carry.</summary>
internal sealed record ExerciseDetail(long? ActiveZoneMinutes, long? Steps, double? DistanceMillimeters, bool Events, DateTimeOffset Created, DateTimeOffset Updated);
