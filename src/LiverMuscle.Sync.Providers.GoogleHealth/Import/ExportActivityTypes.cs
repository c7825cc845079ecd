namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>Activity names of the legacy Fitbit log → the Google Health exercise type of the same session, and its kind.</summary>
internal static class ExportActivityTypes
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Weights"] = "WEIGHTS",
        ["Weight lifting"] = "WEIGHTLIFTING",
        ["Weightlifting"] = "WEIGHTLIFTING",
        ["Strength training"] = "STRENGTH_TRAINING",
        ["Circuit training"] = "CIRCUIT_TRAINING",
        ["Calisthenics"] = "CALISTHENICS",
        ["Bodyweight"] = "BODY_WEIGHT",
        ["Body weight"] = "BODY_WEIGHT",
        ["CrossFit"] = "CROSSFIT",
        ["Bootcamp"] = "BOOTCAMP",
        ["Core training"] = "CORE_TRAINING",
        ["Powerlifting"] = "POWERLIFTING",
        ["Free weights"] = "FREE_WEIGHTS",
        ["Weight machines"] = "WEIGHT_MACHINES",
        ["Resistance bands"] = "RESISTANCE_BANDS",
        ["TRX"] = "TRX",
    };

    /// <summary>The exercise type and session kind of a strength activity; false for anything else.</summary>
    public static bool TryMap(string activity, FitbitOptions options, out string type, out string kind)
    {
        kind = string.Empty;
        return Types.TryGetValue(activity, out type!) && options.StrengthExerciseTypes.TryGetValue(type, out kind!);
    }
}
