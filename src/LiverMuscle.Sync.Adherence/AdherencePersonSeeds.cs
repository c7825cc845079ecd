using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

/// <summary>The people <c>Adherence:Users:ID</c> names are seeded into the state store.</summary>
internal sealed class AdherencePersonSeeds(IOptionsMonitor<AdherenceOptions> options) : IPersonSeedSource
{
    public IEnumerable<(string PersonId, string Key)> Seeds => options.CurrentValue.Users.Keys.Select(id => (id, $"Adherence:Users:{id}"));
}
