using F = LiverMuscle.Sync.Normalization.Schema.FieldNames.NutritionDaily;

namespace LiverMuscle.Sync.Providers.Manual;

/// <summary>
/// The daily totals a person can give (what Cronometer, MyFitnessPal and Apple Health exports reduce to), as the
/// <c>nutrition_daily</c> fields of the same names, each with the largest value a day can plausibly have.
/// </summary>
internal static class DailyValues
{
    public static IReadOnlyList<(string Field, double Largest)> All { get; } =
    [
        (F.ProteinG, 1000),
        (F.EnergyKcal, 20000),
        (F.CarbsG, 3000),
        (F.FatG, 1000),
        (F.FiberG, 500),
    ];

    /// <summary>Null when <paramref name="value"/> grams/kcal of <paramref name="field"/> is a day's plausible total, else why not.</summary>
    public static string? Problem(string field, double value)
    {
        var largest = All.First(v => v.Field == field).Largest;
        return !double.IsFinite(value) || value < 0 ? $"{field} {Text(value)} must be a number of 0 or more"
            : value > largest ? $"{field} {Text(value)} is more than a day's plausible {Text(largest)}; check the unit (grams, kcal)"
            : null;
    }

    private static string Text(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
