using System.Runtime.CompilerServices;

// Tests build points outside the schema (hostile names, conflicting types) to prove the sink's handling of them.
[assembly: InternalsVisibleTo("LiverMuscle.Sync.Sinks.InfluxDb.Tests")]
