namespace LiverMuscle.Sync.State;

/// <summary>Sync cursors. A caller saves a cursor only after the data before it is durably written.</summary>
public interface ISyncCursorStore
{
    Task<SyncCursor?> GetAsync(string userId, string provider, string dataKind, CancellationToken cancellationToken);

    Task SetAsync(SyncCursor cursor, CancellationToken cancellationToken);

    Task DeleteAsync(string userId, string provider, string dataKind, CancellationToken cancellationToken);

    Task<IReadOnlyList<SyncCursor>> ListAsync(string? userId, CancellationToken cancellationToken);
}
