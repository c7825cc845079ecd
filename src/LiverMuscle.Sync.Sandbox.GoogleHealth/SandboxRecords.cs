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

/// <summary>A nutrition log entry as the sandbox serves it; masses in grams, energy in kcal.</summary>
public sealed record SandboxNutritionLog(
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan UtcOffset,
    string FoodDisplayName,
    string MealType,
    double? Kcal,
    double? CarbsGrams,
    double? FatGrams,
    double? ProteinGrams,
    double? FiberGrams);

/// <summary>A weight (grams), body-fat (percent) or height (millimetres) sample as the sandbox serves it.</summary>
public sealed record SandboxSample(string Name, DateTimeOffset Time, TimeSpan UtcOffset, double Value);
