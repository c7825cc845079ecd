namespace LiverMuscle.Sync.Alerts.Rules;

internal static class ComparisonExtensions
{
    public static bool Holds(this Comparison comparison, double value, double threshold) => comparison switch
    {
        Comparison.Above => value > threshold,
        Comparison.AtOrAbove => value >= threshold,
        Comparison.Below => value < threshold,
        _ => value <= threshold,
    };

    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.Above => ">",
        Comparison.AtOrAbove => "≥",
        Comparison.Below => "<",
        _ => "≤",
    };
}
