namespace LiverMuscle.Sync.Providers.Withings.Push;

/// <summary>Notification categories (<c>appli</c>) we subscribe to or handle.</summary>
internal static class WithingsAppli
{
    /// <summary>New weight / body composition → getmeas.</summary>
    public const int Weight = 1;

    /// <summary>Activity data including workouts → getworkouts.</summary>
    public const int Activity = 16;

    /// <summary>User profile action (<c>unlink</c>, <c>delete</c>, <c>update</c>).</summary>
    public const int UserAction = 46;
}
