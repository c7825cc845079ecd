using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Alerts.Tests;

[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxDbFixture>
{
    public const string Name = "influx";
}
