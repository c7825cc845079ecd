namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>Tag keys. Tags are low-cardinality only; provider ids go in fields.</summary>
public static class TagNames
{
    public const string User = "user";
    public const string Source = "source";
    public const string Kind = "kind";
    public const string Device = "device";
    public const string Marker = "marker";
    public const string Rule = "rule";
    public const string State = "state";
    public const string Provider = "provider";
    public const string Outcome = "outcome";
}
