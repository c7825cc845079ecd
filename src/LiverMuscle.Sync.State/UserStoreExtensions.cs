namespace LiverMuscle.Sync.State;

public static class UserStoreExtensions
{
    /// <summary>The user's time zone, which decides their days and weeks; UTC for an unknown user or a zone id this machine lacks.</summary>
    public static async Task<TimeZoneInfo> GetTimeZoneAsync(this IUserStore users, string userId, CancellationToken cancellationToken) =>
        await users.GetAsync(userId, cancellationToken) is { } user && TimeZoneInfo.TryFindSystemTimeZoneById(user.TimeZone, out var zone)
            ? zone
            : TimeZoneInfo.Utc;
}
