namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>The unit the weights of <c>weight-*.json</c> were read in (<c>kg</c> or <c>lb</c>), and what said so.</summary>
public sealed record WeightUnitDecision(string Unit, string Reason)
{
    public override string ToString() => $"{Unit} ({Reason})";
}
