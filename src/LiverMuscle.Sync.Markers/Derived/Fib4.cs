namespace LiverMuscle.Sync.Markers.Derived;

/// <summary>
/// FIB-4 = age × AST [U/L] / (platelets [10⁹/L] × √ALT [U/L]). Bands (notification thresholds, not diagnoses):
/// below 1.3 low (2.0 from age 65), above 2.67 high, between indeterminate.
/// </summary>
public static class Fib4
{
    public const double HighCutoff = 2.67;

    public static double Compute(int age, double ast, double alt, double platelets) =>
        Math.Round(age * ast / (platelets * Math.Sqrt(alt)), 4);

    public static double LowCutoff(int age) => age >= 65 ? 2.0 : 1.3;

    public static Fib4Band Classify(double value, int age) =>
        value > HighCutoff ? Fib4Band.High : value < LowCutoff(age) ? Fib4Band.Low : Fib4Band.Indeterminate;
}
