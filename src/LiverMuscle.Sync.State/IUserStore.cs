namespace LiverMuscle.Sync.State;

/// <summary>The narrow view of <see cref="IPersonStore"/> that syncs need: who exists and in which time zone.</summary>
public interface IUserStore
{
    /// <summary>Adds the person, or sets their time zone as their own.</summary>
    Task UpsertAsync(UserRecord user, CancellationToken cancellationToken);

    Task<UserRecord?> GetAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken);
}
