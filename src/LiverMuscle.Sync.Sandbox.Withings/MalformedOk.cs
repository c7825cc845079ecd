namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>Shapes of a status-0 list answer that lacks what a well-formed one carries (seen from broken gateways and partial outages).</summary>
public enum MalformedOk
{
    /// <summary><c>{"status":0}</c>: no body at all.</summary>
    NoBody,

    /// <summary><c>{"status":0,"body":{}}</c>.</summary>
    EmptyBody,

    /// <summary>The list is <c>null</c> (<c>"measuregrps": null</c>, <c>"series": null</c>).</summary>
    NullList,

    /// <summary>The list is an object instead of an array.</summary>
    NotAList,
}
