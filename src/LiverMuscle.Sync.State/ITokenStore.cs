namespace LiverMuscle.Sync.State;

/// <summary>OAuth tokens per (user, provider), encrypted at rest by the implementation.</summary>
public interface ITokenStore
{
    Task<ProviderConnection?> GetAsync(string userId, string provider, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProviderConnection>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new token pair atomically and marks the connection <see cref="ConnectionStatus.Connected"/>.</summary>
    Task SaveTokenAsync(string userId, string provider, OAuthToken token, CancellationToken cancellationToken);

    Task SetStatusAsync(string userId, string provider, ConnectionStatus status, string? reason, CancellationToken cancellationToken);

    /// <summary>Forgets the (user, provider) connection with its tokens; false when there was none.</summary>
    Task<bool> DeleteAsync(string userId, string provider, CancellationToken cancellationToken);
}
