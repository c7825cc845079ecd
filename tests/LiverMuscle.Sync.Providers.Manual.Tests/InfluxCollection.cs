using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Providers.Manual.Tests;

[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxDbFixture>
{
    public const string Name = "influx";
}
