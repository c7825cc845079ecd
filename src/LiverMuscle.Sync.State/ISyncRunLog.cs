namespace LiverMuscle.Sync.State;

public interface ISyncRunLog
{
    Task RecordAsync(SyncRunRecord run, CancellationToken cancellationToken);

    /// <summary>The latest run of every (user, provider), optionally of one user.</summary>
    Task<IReadOnlyList<SyncRunRecord>> ListLatestAsync(string? userId, CancellationToken cancellationToken);
}
