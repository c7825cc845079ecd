namespace LiverMuscle.Sync.State;

/// <summary>What the store knows of one (user, provider) link.</summary>
public sealed record ProviderConnection(
    string UserId,
    string Provider,
    OAuthToken? Token,
    ConnectionStatus Status,
    string? StatusReason,
    DateTimeOffset UpdatedAt);
