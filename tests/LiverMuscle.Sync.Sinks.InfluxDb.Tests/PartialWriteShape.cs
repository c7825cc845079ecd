namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>How a server answers a write of which it dropped lines without naming them.</summary>
public enum PartialWriteShape
{
    /// <summary>InfluxDB 2.x v1-compatibility <c>/write</c>: 422 with <c>{"code","message"}</c> and <c>dropped=N</c>.</summary>
    V2,

    /// <summary>Older InfluxDB 2.x: the same message as a 500 "internal error".</summary>
    V2InternalError,

    /// <summary>InfluxDB 3: 400 <c>partial write of line protocol occurred</c> with no line listed in <c>data</c>.</summary>
    V3,
}
