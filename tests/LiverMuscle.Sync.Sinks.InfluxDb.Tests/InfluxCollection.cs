using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Tests;

/// <summary>One real influxd shared by the tests that do not stop it.</summary>
[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxDbFixture>
{
    public const string Name = "influxdb";
}
