namespace LiverMuscle.Sync.Alerts.Rules;

public enum AlertRuleKind
{
    /// <summary>By <c>Weekday</c> (local), fewer sessions this week than the goal (or <c>Threshold</c>).</summary>
    SessionsBehind,

    /// <summary>Protein g/kg/day averaged over the last <c>Days</c> complete days below the goal (or <c>Threshold</c>).</summary>
    ProteinBelowGoal,

    /// <summary>Muscle mass fell by at least <c>Threshold</c> % over the last <c>Days</c> days.</summary>
    MuscleMassDrop,

    /// <summary>The latest value of <c>Marker</c> above <c>Threshold</c> (or <c>ThresholdBySex</c>).</summary>
    MarkerAbove,

    /// <summary>The latest value of <c>Marker</c> below <c>Threshold</c> (or <c>ThresholdBySex</c>).</summary>
    MarkerBelow,

    /// <summary>The latest FIB-4 in <c>Band</c> or above (age-dependent cut-offs).</summary>
    Fib4Band,

    /// <summary>No <c>Measurement</c> point (of <c>Source</c>, if set) for <c>Days</c> days.</summary>
    SourceSilent,

    /// <summary>A provider connection of the user (of <c>Source</c>, if set) needs re-authorisation.</summary>
    NeedsReauthorization,

    /// <summary><c>Query</c> (InfluxQL; <c>$user</c> is replaced by the quoted user id), its first value compared with <c>Threshold</c>.</summary>
    InfluxQl,
}
