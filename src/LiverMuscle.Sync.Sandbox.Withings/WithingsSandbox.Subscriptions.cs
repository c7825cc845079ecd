namespace LiverMuscle.Sync.Sandbox.Withings;

public sealed partial class WithingsSandbox
{
    /// <summary>The user's notification subscriptions as <c>notify action=list</c> would show them.</summary>
    public IReadOnlyList<(int Appli, Uri Callback)> Subscriptions(long userId)
    {
        var user = User(userId);
        lock (user)
        {
            return [.. user.Subscriptions];
        }
    }
}
