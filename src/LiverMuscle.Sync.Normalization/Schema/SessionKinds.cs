namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>Values of the <c>kind</c> tag of <see cref="Measurements.StrengthSession"/>.</summary>
public static class SessionKinds
{
    public const string Weights = "weights";
    public const string StrengthTraining = "strength_training";
    public const string CircuitTraining = "circuit_training";
    public const string Bodyweight = "bodyweight";
    public const string Other = "other";
}
