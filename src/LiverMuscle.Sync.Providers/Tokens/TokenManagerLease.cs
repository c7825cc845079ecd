using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>
/// The cross-process half of the token manager's single flight: holding the refresh lease of one (person, provider)
/// in the state store. Waiting polls the lease in <see cref="TimeProvider"/> time until its holder releases it or it
/// expires (its holder died). <see cref="Expiry"/> cancels work that would outlast the lease.
/// </summary>
internal sealed class TokenManagerLease : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ITokenRefreshLeases _leases;
    private readonly string _userId;
    private readonly string _provider;
    private readonly string _holder;
    private readonly CancellationTokenSource _expiry;

    private TokenManagerLease(ITokenRefreshLeases leases, string userId, string provider, string holder, TimeSpan duration, TimeProvider time)
    {
        (_leases, _userId, _provider, _holder) = (leases, userId, provider, holder);
        _expiry = new CancellationTokenSource(duration, time);
    }

    public CancellationToken Expiry => _expiry.Token;

    public static async Task<TokenManagerLease> AcquireAsync(
        ITokenRefreshLeases leases, string userId, string provider, string holder, TimeSpan duration, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            if (await leases.TryAcquireAsync(userId, provider, holder, now, now + duration, cancellationToken))
            {
                return new TokenManagerLease(leases, userId, provider, holder, duration, time);
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _expiry.Dispose();
        await _leases.ReleaseAsync(_userId, _provider, _holder, CancellationToken.None);
    }
}
