namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// Shapes of a 200 list answer that a well-formed one never has: the documented last page is <c>{}</c> and an empty
/// page may be <c>{"nextPageToken":"…"}</c>, but <c>dataPoints</c> is always absent or an array and
/// <c>nextPageToken</c> absent or a string.
/// </summary>
public enum MalformedList
{
    /// <summary><c>{"dataPoints": null}</c>.</summary>
    DataPointsNull,

    /// <summary><c>{"dataPoints": {…}}</c>.</summary>
    DataPointsObject,

    /// <summary><c>{"dataPoints": "…"}</c>.</summary>
    DataPointsString,

    /// <summary>The answer is a string instead of an object.</summary>
    StringRoot,

    /// <summary>The answer is an array instead of an object.</summary>
    ArrayRoot,

    /// <summary><c>{"dataPoints": [], "nextPageToken": 7}</c>.</summary>
    TokenNotAString,
}
