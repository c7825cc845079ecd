using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Markers;

/// <summary>The people <c>Markers:Users:ID</c> names are seeded into the state store.</summary>
internal sealed class MarkersPersonSeeds(IOptionsMonitor<MarkersOptions> options) : IPersonSeedSource
{
    public IEnumerable<(string PersonId, string Key)> Seeds => options.CurrentValue.Users.Keys.Select(id => (id, $"Markers:Users:{id}"));
}
