namespace LiverMuscle.Sync.Web.Security;

/// <summary>What opening an invite link found.</summary>
internal enum InviteStatus
{
    /// <summary>The link is good (and, when redeemed, now used).</summary>
    Valid,

    /// <summary>No such invite: a wrong or replaced link, or the person was removed.</summary>
    Unknown,

    /// <summary>The link was opened before; it works once.</summary>
    Used,

    /// <summary>The link's time ran out.</summary>
    Expired,
}
