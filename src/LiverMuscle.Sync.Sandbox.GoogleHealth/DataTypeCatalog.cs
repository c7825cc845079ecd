namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

internal static class DataTypeCatalog
{
    public const string Exercise = "exercise";
    public const string NutritionLog = "nutrition-log";
    public const string Weight = "weight";
    public const string BodyFat = "body-fat";
    public const string Height = "height";

    private static readonly DataTypeInfo[] Rows =
    [
        new(Exercise, "exercise", GoogleHealthScopes.ActivityAndFitness, FilterKind.CivilStart, 25, 25),
        new(NutritionLog, "nutrition_log", GoogleHealthScopes.Nutrition, FilterKind.CivilStart, 1440, 10_000),
        new(Weight, "weight", GoogleHealthScopes.HealthMetrics, FilterKind.SampleTime, 1440, 10_000),
        new(BodyFat, "body_fat", GoogleHealthScopes.HealthMetrics, FilterKind.SampleTime, 1440, 10_000),
        new(Height, "height", GoogleHealthScopes.HealthMetrics, FilterKind.SampleTime, 1440, 10_000),
        new("heart-rate", "heart_rate", GoogleHealthScopes.HealthMetrics, FilterKind.SampleTime, 1440, 10_000),
        new("steps", "steps", GoogleHealthScopes.ActivityAndFitness, FilterKind.Interval, 1440, 10_000),
        new("hydration-log", "hydration_log", GoogleHealthScopes.Nutrition, FilterKind.CivilStart, 1440, 10_000),
        new("sleep", "sleep", GoogleHealthScopes.Sleep, FilterKind.IntervalEnd, 25, 25),
        new("food", "food", GoogleHealthScopes.Nutrition, FilterKind.None, 1440, 10_000),
        new("food-measurement-unit", "food_measurement_unit", GoogleHealthScopes.Nutrition, FilterKind.None, 1440, 10_000),
        new("total-calories", "total_calories", GoogleHealthScopes.ActivityAndFitness, FilterKind.None, 1440, 10_000, Listable: false),
    ];

    public static DataTypeInfo? Find(string id) => Array.Find(Rows, r => r.Id == id);

    public static DataTypeInfo? FindByPrefix(string prefix) => Array.Find(Rows, r => r.Prefix == prefix);
}
