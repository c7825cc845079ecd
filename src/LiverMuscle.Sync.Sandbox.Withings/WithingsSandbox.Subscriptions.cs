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

    /// <summary>A subscription made earlier (by an older version of a client, say), without the HEAD probe of today.</summary>
    public void AddSubscription(long userId, int appli, Uri callback)
    {
        var user = User(userId);
        lock (user)
        {
            user.Subscriptions.Add((appli, callback));
        }
    }
}
