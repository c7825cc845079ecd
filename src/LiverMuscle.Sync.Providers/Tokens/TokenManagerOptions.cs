using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>Section <c>Sync:Tokens</c>.</summary>
internal sealed class TokenManagerOptions
{
    /// <summary>Refresh an access token this long before it expires, at most an hour. Default 5 minutes.</summary>
    [DurationRange("00:00:00", "01:00:00")]
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest one refresh may take, retries included: another process waits for it that long at most, then takes
    /// over. Default 2 minutes.
    /// </summary>
    [DurationRange("00:00:05", "00:30:00")]
    public TimeSpan RefreshLease { get; set; } = TimeSpan.FromMinutes(2);
}
