namespace LiverMuscle.Sync.State;

/// <summary>The result of claiming a pending authorisation by its state: found (and now used), or why not.</summary>
public sealed record PendingAuthorizationClaim(PendingAuthorizationClaimStatus Status, PendingAuthorization? Authorization)
{
    public static PendingAuthorizationClaim Unknown { get; } = new(PendingAuthorizationClaimStatus.Unknown, null);
}

public enum PendingAuthorizationClaimStatus
{
    /// <summary>Claimed now: no later claim of the same state succeeds.</summary>
    Claimed,

    /// <summary>No authorisation was started with this state (or it was cleaned up long after it expired).</summary>
    Unknown,

    /// <summary>Claimed before: a redirect works once.</summary>
    AlreadyUsed,

    /// <summary>Its time ran out before the redirect came back.</summary>
    Expired,
}
