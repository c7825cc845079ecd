namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

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
