namespace LiverMuscle.Sync.State;

public interface IUserStore
{
    Task UpsertAsync(UserRecord user, CancellationToken cancellationToken);

    Task<UserRecord?> GetAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken);
}
