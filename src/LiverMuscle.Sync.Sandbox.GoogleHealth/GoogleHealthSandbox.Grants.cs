namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

public sealed partial class GoogleHealthSandbox
{
    /// <summary>Whether the user has a grant that is neither revoked nor expired (its refresh token still works).</summary>
    public bool HasLiveGrant(string healthUserId)
    {
        User(healthUserId);
        return OAuth.HasLiveGrant(healthUserId);
    }
}
