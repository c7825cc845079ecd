namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>The user's grant is dead (revoked, expired refresh token): only a new authorisation helps.</summary>
public sealed class ReauthorizationRequiredException(string userId, string provider, string reason)
    : Exception($"User '{userId}' must authorise {provider} again: {reason}")
{
    public string UserId { get; } = userId;

    public string Provider { get; } = provider;

    public string Reason { get; } = reason;
}
