using LiverMuscle.Sync.Markers.Catalog;

namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>
/// The demo user's settings (birth date and height for FIB-4 and the muscle index, alert rules without notifiers) and
/// a blood-work history that improves slowly, as it might for someone training and eating more protein.
/// </summary>
internal static class DemoProfile
{
    public static IEnumerable<KeyValuePair<string, string?>> Settings(string userId)
    {
        yield return new($"Markers:Users:{userId}:BirthDate", "1971-05-14");
        yield return new($"Markers:Users:{userId}:HeightM", "1.76");
        (string Id, string Kind, string Setting, string Value, string? Threshold)[] rules =
        [
            ("alt-above-range", "MarkerAbove", "Marker", MarkerIds.Alt, "40"),
            ("liver-fat-high", "MarkerAbove", "Marker", MarkerIds.Cap, "275"),
            ("fib4-indeterminate", "Fib4Band", "Band", "Indeterminate", null),
            ("protein-below-goal", "ProteinBelowGoal", "Days", "7", null),
            ("sessions-behind", "SessionsBehind", "Weekday", "Thursday", null),
        ];
        for (var i = 0; i < rules.Length; i++)
        {
            var (id, kind, setting, value, threshold) = rules[i];
            yield return new($"Alerts:Rules:{i}:Id", id);
            yield return new($"Alerts:Rules:{i}:Kind", kind);
            yield return new($"Alerts:Rules:{i}:Users:0", userId);
            yield return new($"Alerts:Rules:{i}:{setting}", value);
            if (threshold is not null)
            {
                yield return new($"Alerts:Rules:{i}:Threshold", threshold);
            }
        }
    }

    /// <summary>Every 45 days back from today within <paramref name="days"/>: liver panel, platelets, scans and strength tests.</summary>
    public static IEnumerable<(DateOnly Date, string Marker, double Value, string Unit)> BloodWork(DateOnly today, int days)
    {
        var visits = Math.Max(1, days / 45);
        for (var visit = 0; visit < visits; visit++)
        {
            var date = today.AddDays(-45 * (visits - 1 - visit) - 3);
            var progress = visits == 1 ? 1 : visit / (double)(visits - 1);
            yield return (date, MarkerIds.Alt, Round(58 - (16 * progress)), "U/L");
            yield return (date, MarkerIds.Ast, Round(44 - (10 * progress)), "U/L");
            yield return (date, MarkerIds.Ggt, Round(71 - (20 * progress)), "U/L");
            yield return (date, MarkerIds.Platelets, Round(205 + (15 * progress)), "10^9/L");
            yield return (date, MarkerIds.Cap, Round(298 - (20 * progress)), "dB/m");
            yield return (date, MarkerIds.LiverStiffness, Round(7.9 - (0.9 * progress)), "kPa");
            yield return (date, MarkerIds.GripStrength, Round(27 + (2.5 * progress)), "kg");
            yield return (date, MarkerIds.ChairStand5x, Round(12.8 - (1.6 * progress)), "s");
        }
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
