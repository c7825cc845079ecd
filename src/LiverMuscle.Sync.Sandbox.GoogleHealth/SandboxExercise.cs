namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>An exercise session as the sandbox serves it.</summary>
public sealed record SandboxExercise(
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan UtcOffset,
    string ExerciseType,
    TimeSpan? ActiveDuration,
    double? CaloriesKcal,
    long? AverageHeartRate,
    string RecordingMethod);
