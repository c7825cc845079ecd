using System.Globalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// Which unit the weights of <c>weight-*.json</c> are in, told by the BMI Fitbit stored beside each: BMI = kg / m², so
/// only one reading of the weights gives the height of a person (theirs when the state store knows it, else one
/// between 1.30 and 2.20 m) for most of the records.
/// </summary>
internal static class BmiUnitCheck
{
    private const double ShortestM = 1.30;
    private const double TallestM = 2.20;
    private const double HeightToleranceM = 0.08;
    private const double Majority = 0.8;

    public static WeightUnitDecision? Decide(IReadOnlyList<LegacyWeighIn> weighIns, double? personHeightM)
    {
        var told = weighIns.Where(w => w.Bmi is > 0).ToList();
        if (told.Count == 0)
        {
            return null;
        }

        return (personHeightM is { } known ? Decide(told, h => Math.Abs(h - known) <= HeightToleranceM, string.Create(CultureInfo.InvariantCulture, $"their height of {known:0.00} m")) : null)
            ?? Decide(told, h => h is >= ShortestM and <= TallestM, "a height between 1.30 and 2.20 m");
    }

    private static WeightUnitDecision? Decide(List<LegacyWeighIn> told, Func<double, bool> fits, string what)
    {
        var asKg = told.Select(w => Height(w, 1)).ToList();
        var asLb = told.Select(w => Height(w, ExportWeighIns.KilogramsPerPound)).ToList();
        var (kg, lb) = (asKg.Count(fits), asLb.Count(fits));
        var (unit, other) = lb >= Majority * told.Count && kg <= (1 - Majority) * told.Count ? ("lb", "kg")
            : kg >= Majority * told.Count && lb <= (1 - Majority) * told.Count ? ("kg", "lb")
            : (null, null);
        return unit is null ? null : new WeightUnitDecision(unit, string.Create(
            CultureInfo.InvariantCulture,
            $"the BMI of {told.Count} weigh-in(s) gives {what} only when the weights are read as {unit} (median {Median(unit == "kg" ? asKg : asLb):0.00} m; as {other}: {Median(unit == "kg" ? asLb : asKg):0.00} m)"));
    }

    private static double Height(LegacyWeighIn weighIn, double kilogramsPerUnit) => Math.Sqrt(weighIn.Weight * kilogramsPerUnit / weighIn.Bmi!.Value);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
