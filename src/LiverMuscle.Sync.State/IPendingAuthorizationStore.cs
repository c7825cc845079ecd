namespace LiverMuscle.Sync.State;

/// <summary>Authorisations between the consent URL and the redirect, kept so another process can complete them.</summary>
public interface IPendingAuthorizationStore
{
    /// <summary>Stores a new pending authorisation and forgets those that expired more than a day before <paramref name="now"/>.</summary>
    Task AddAsync(PendingAuthorization authorization, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Atomically marks the authorisation with this state as used and returns it, unless it is unknown, used or expired.</summary>
    Task<PendingAuthorizationClaim> ClaimAsync(string state, DateTimeOffset now, CancellationToken cancellationToken);
}
