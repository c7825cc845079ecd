namespace LiverMuscle.Sync.State;

public enum ConnectionStatus
{
    /// <summary>Tokens are valid (or refreshable); syncs run.</summary>
    Connected,

    /// <summary>The refresh token is dead or the grant was revoked: the user must authorise again. Syncs stop for this user only.</summary>
    NeedsReauthorization,

    /// <summary>The user unlinked the app at the provider.</summary>
    Disconnected,
}
