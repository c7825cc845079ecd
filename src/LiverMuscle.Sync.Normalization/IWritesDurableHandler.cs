namespace LiverMuscle.Sync.Normalization;

/// <summary>
/// Told by the sink when the write spool has become empty: everything written before, by any process on the store,
/// is now in the database (e.g. to compute what was waiting for those points).
/// </summary>
public interface IWritesDurableHandler
{
    Task OnWritesDurableAsync(CancellationToken cancellationToken);
}
