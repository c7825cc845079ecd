using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Adherence.Tests;

[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxDbFixture>
{
    public const string Name = "influx";
}
