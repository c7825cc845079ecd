namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

internal enum WriteBatchKind
{
    /// <summary>Line protocol for <c>/write</c>.</summary>
    Lines,

    /// <summary>An InfluxQL statement that changes data, for <c>POST /query</c>.</summary>
    Statement,
}
