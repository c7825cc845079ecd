namespace LiverMuscle.Sync.State;

/// <summary>
/// One refresh at a time per (person, provider) across every process on the state store: a lease row that one holder
/// takes, and that another may take over once it has expired (its holder died mid-refresh).
/// </summary>
public interface ITokenRefreshLeases
{
    /// <summary>
    /// True when <paramref name="holder"/> holds the lease of (<paramref name="userId"/>, <paramref name="provider"/>)
    /// until <paramref name="until"/>: it was free, expired at <paramref name="now"/>, or already this holder's.
    /// </summary>
    Task<bool> TryAcquireAsync(string userId, string provider, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if <paramref name="holder"/> still holds it.</summary>
    Task ReleaseAsync(string userId, string provider, string holder, CancellationToken cancellationToken);
}
