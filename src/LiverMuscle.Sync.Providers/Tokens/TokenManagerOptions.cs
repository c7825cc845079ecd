namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>Section <c>Sync:Tokens</c>.</summary>
public sealed class TokenManagerOptions
{
    /// <summary>Refresh an access token this long before it expires. Default 5 minutes.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
}
