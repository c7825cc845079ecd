using System.Collections.Concurrent;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>
/// Hands out access tokens, refreshing them before expiry or after a rejection. A refresh of one (user, provider) is
/// single-flight across callers and processes: callers of this process queue on a gate, processes on a lease in the
/// state store, and whoever gets it re-reads the stored token first, so a token another process just rotated is used,
/// not refreshed again. The rotated pair is stored before anyone uses it. A refused refresh token counts as dead only
/// if the store still holds that very token; a dead grant stops only that user's connection.
/// </summary>
internal sealed class TokenManager(
    ITokenStore tokens,
    ITokenRefreshLeases leases,
    IEnumerable<IOAuthTokenClient> clients,
    IOptions<TokenManagerOptions> options,
    TimeProvider time,
    ILogger<TokenManager> logger) : ITokenManager, IDisposable
{
    private readonly ConcurrentDictionary<(string User, string Provider), SemaphoreSlim> _locks = new();
    private readonly Dictionary<string, IOAuthTokenClient> _clients = clients.ToDictionary(c => c.Provider, StringComparer.Ordinal);
    private readonly string _holder = $"{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<string> GetAccessTokenAsync(string userId, string provider, CancellationToken cancellationToken)
    {
        var token = await CurrentAsync(userId, provider, cancellationToken);
        return IsFresh(token) ? token.AccessToken : await RefreshAsync(userId, provider, rejected: null, cancellationToken);
    }

    public Task<string> RefreshAfterRejectionAsync(string userId, string provider, string rejectedAccessToken, CancellationToken cancellationToken) =>
        RefreshAsync(userId, provider, rejectedAccessToken, cancellationToken);

    public async Task MarkNeedsReauthorizationAsync(string userId, string provider, string reason, CancellationToken cancellationToken)
    {
        await tokens.SetStatusAsync(userId, provider, ConnectionStatus.NeedsReauthorization, reason, cancellationToken);
        Log.NeedsReauthorization(logger, userId, provider, reason);
    }

    public void Dispose()
    {
        foreach (var gate in _locks.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<string> RefreshAsync(string userId, string provider, string? rejected, CancellationToken cancellationToken)
    {
        if (!_clients.TryGetValue(provider, out var client))
        {
            throw new InvalidOperationException($"No token client is registered for provider '{provider}'.");
        }

        var gate = _locks.GetOrAdd((userId, provider), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var lease = await TokenManagerLease.AcquireAsync(leases, userId, provider, _holder, options.Value.RefreshLease, time, cancellationToken);

            // Another caller or process may have refreshed while this one waited: use its token.
            var token = await CurrentAsync(userId, provider, cancellationToken);
            if (IsCurrent(token, rejected))
            {
                return token.AccessToken;
            }

            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Expiry);
            var result = await client.RefreshAsync(token.RefreshToken, bounded.Token);
            if (result.Token is not { } fresh)
            {
                return await RefusedAsync(userId, provider, token, result.InvalidGrantReason, cancellationToken);
            }

            // Providers that do not rotate refresh tokens (Google) answer without one: the old one stays valid. An
            // answer without a scope keeps the granted one (RFC 6749 §5.1); one with a scope may have narrowed it.
            fresh = fresh with
            {
                RefreshToken = string.IsNullOrEmpty(fresh.RefreshToken) ? token.RefreshToken : fresh.RefreshToken,
                Scope = fresh.Scope ?? token.Scope,
                ProviderUserId = fresh.ProviderUserId ?? token.ProviderUserId,
            };
            await tokens.SaveTokenAsync(userId, provider, fresh, cancellationToken);
            Log.Refreshed(logger, userId, provider, fresh.AccessTokenExpiresAt);
            return fresh.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The provider refused <paramref name="refused"/>'s refresh token. Dead only if the store still holds it: a
    /// token stored meanwhile (by a process that took no lease) is used instead.
    /// </summary>
    private async Task<string> RefusedAsync(string userId, string provider, OAuthToken refused, string? reason, CancellationToken cancellationToken)
    {
        var stored = await CurrentAsync(userId, provider, cancellationToken);
        if (stored.RefreshToken != refused.RefreshToken)
        {
            return stored.AccessToken;
        }

        reason ??= "the provider refused the refresh token";
        await MarkNeedsReauthorizationAsync(userId, provider, reason, cancellationToken);
        throw new ReauthorizationRequiredException(userId, provider, reason);
    }

    private async Task<OAuthToken> CurrentAsync(string userId, string provider, CancellationToken cancellationToken)
    {
        var connection = await tokens.GetAsync(userId, provider, cancellationToken);
        return connection switch
        {
            null or { Token: null } => throw new ReauthorizationRequiredException(userId, provider, $"{provider} is not connected; run 'livermuscle-sync auth {provider} --user {userId}'"),
            { Status: ConnectionStatus.NeedsReauthorization } => throw new ReauthorizationRequiredException(userId, provider, connection.StatusReason ?? "re-authorisation needed"),
            { Status: ConnectionStatus.Disconnected } => throw new ReauthorizationRequiredException(userId, provider, connection.StatusReason ?? "the user unlinked the app"),
            _ => connection.Token,
        };
    }

    /// <summary>Usable without a refresh: after a rejection, any other token; else one that is not about to expire.</summary>
    private bool IsCurrent(OAuthToken token, string? rejected) => rejected is not null ? token.AccessToken != rejected : IsFresh(token);

    private bool IsFresh(OAuthToken token) => token.AccessTokenExpiresAt - time.GetUtcNow() > options.Value.RefreshMargin;
}
