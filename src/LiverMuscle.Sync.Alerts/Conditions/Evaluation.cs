namespace LiverMuscle.Sync.Alerts.Conditions;

/// <summary>What a rule found for a user now: whether it is breached, the value, the threshold and a sentence saying so.</summary>
public sealed record Evaluation(bool Breached, double Value, double Threshold, string Summary);
