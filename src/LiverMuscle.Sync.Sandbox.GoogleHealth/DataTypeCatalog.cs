namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>How a data type is listed and filtered.</summary>
internal enum FilterKind
{
    /// <summary>Session types: only <c>interval.civil_start_time</c> (local date or date-time).</summary>
    CivilStart,

    /// <summary>Sample types: <c>sample_time.physical_time</c> (RFC 3339).</summary>
    SampleTime,

    /// <summary>Interval types such as steps: <c>interval.start_time</c> and <c>interval.civil_start_time</c>.</summary>
    Interval,

    /// <summary>Sleep: end-based members only.</summary>
    IntervalEnd,

    /// <summary>No filter members (catalogue types).</summary>
    None,
}

/// <summary>One row of the data-type catalogue (§3.1): path id, filter prefix, read scope, default/max page size.</summary>
internal sealed record DataTypeInfo(string Id, string Prefix, string Scope, FilterKind Filter, int DefaultPageSize, int MaxPageSize, bool Listable = true);

internal static class DataTypeCatalog
{
    public const string Exercise = "exercise";
    public const string NutritionLog = "nutrition-log";
    public const string Weight = "weight";
    public const string BodyFat = "body-fat";
    public const string Height = "height";

    private static readonly DataTypeInfo[] Rows =
    [
        new(Exercise, "exercise", Scopes.ActivityAndFitness, FilterKind.CivilStart, 25, 25),
        new(NutritionLog, "nutrition_log", Scopes.Nutrition, FilterKind.CivilStart, 1440, 10_000),
        new(Weight, "weight", Scopes.HealthMetrics, FilterKind.SampleTime, 1440, 10_000),
        new(BodyFat, "body_fat", Scopes.HealthMetrics, FilterKind.SampleTime, 1440, 10_000),
        new(Height, "height", Scopes.HealthMetrics, FilterKind.SampleTime, 1440, 10_000),
        new("heart-rate", "heart_rate", Scopes.HealthMetrics, FilterKind.SampleTime, 1440, 10_000),
        new("steps", "steps", Scopes.ActivityAndFitness, FilterKind.Interval, 1440, 10_000),
        new("hydration-log", "hydration_log", Scopes.Nutrition, FilterKind.CivilStart, 1440, 10_000),
        new("sleep", "sleep", Scopes.Sleep, FilterKind.IntervalEnd, 25, 25),
        new("food", "food", Scopes.Nutrition, FilterKind.None, 1440, 10_000),
        new("food-measurement-unit", "food_measurement_unit", Scopes.Nutrition, FilterKind.None, 1440, 10_000),
        new("total-calories", "total_calories", Scopes.ActivityAndFitness, FilterKind.None, 1440, 10_000, Listable: false),
    ];

    public static DataTypeInfo? Find(string id) => Array.Find(Rows, r => r.Id == id);

    public static DataTypeInfo? FindByPrefix(string prefix) => Array.Find(Rows, r => r.Prefix == prefix);

    public static bool IsSessionOrSampleScope(string scope) => Array.Exists(Rows, r => r.Scope == scope);
}
