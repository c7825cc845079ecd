namespace LiverMuscle.Sync.State;

/// <summary>The exclusive right to replay the write spool. Check <see cref="IsHeld"/> before sending each entry.</summary>
public interface ISpoolReplayLease : IAsyncDisposable
{
    /// <summary>False once the lease could not be renewed and may have passed to another process.</summary>
    bool IsHeld { get; }
}
