namespace LiverMuscle.Sync.State;

public interface IAlertStateStore
{
    Task<AlertState?> GetAsync(string ruleId, string userId, CancellationToken cancellationToken);

    Task SaveAsync(AlertState state, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertState>> ListAsync(CancellationToken cancellationToken);
}
