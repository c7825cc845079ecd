using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts;

/// <summary>The people an e-mail notifier's <c>Recipients:ID</c> names are seeded into the state store.</summary>
internal sealed class AlertsPersonSeeds(IOptionsMonitor<AlertsOptions> options) : IPersonSeedSource
{
    public IEnumerable<(string PersonId, string Key)> Seeds =>
        options.CurrentValue.Email.SelectMany(e => e.Value.Recipients.Keys.Select(id => (id, $"Alerts:Email:{e.Key}:Recipients:{id}")));
}
