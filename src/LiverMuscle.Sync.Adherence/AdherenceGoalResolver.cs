using LiverMuscle.Sync.State;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Adherence;

/// <summary>A person's weekly goals as they apply now: their own (set with <c>people set</c>), else <c>Adherence:Users:ID</c>, else the defaults.</summary>
public sealed class AdherenceGoalResolver(IPersonStore people, IOptionsMonitor<AdherenceOptions> options)
{
    public async Task<ResolvedGoals> GoalsOfAsync(string userId, CancellationToken cancellationToken) =>
        options.CurrentValue.GoalsOf(userId, (await people.GetAsync(userId, cancellationToken))?.Goals);
}
