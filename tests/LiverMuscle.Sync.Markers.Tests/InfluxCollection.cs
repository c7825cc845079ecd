using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Markers.Tests;

[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxDbFixture>
{
    public const string Name = "influx";
}
