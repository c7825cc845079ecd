using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>
/// Locks an account after <see cref="ConsoleOptions.FailuresBeforeLockout"/> failed sign-ins in a row, for
/// <see cref="ConsoleOptions.FirstLockout"/>, doubling with each further failure up to an hour; a success resets it.
/// Kept in memory, in <see cref="TimeProvider"/> time.
/// </summary>
internal sealed class SignInThrottle(IOptionsMonitor<ConsoleOptions> options, TimeProvider time)
{
    private static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);
    private readonly Dictionary<string, (int Failures, DateTimeOffset LockedUntil)> _accounts = new(StringComparer.Ordinal);

    /// <summary>How long the account stays locked; zero when it may try now.</summary>
    public TimeSpan LockedFor(string account)
    {
        lock (_accounts)
        {
            var left = _accounts.TryGetValue(account, out var entry) ? entry.LockedUntil - time.GetUtcNow() : TimeSpan.Zero;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void Failed(string account)
    {
        var settings = options.CurrentValue;
        lock (_accounts)
        {
            var failures = (_accounts.TryGetValue(account, out var entry) ? entry.Failures : 0) + 1;
            var beyond = failures - settings.FailuresBeforeLockout;
            var lockout = beyond < 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(LongestLockout.Ticks, settings.FirstLockout.Ticks << Math.Min(beyond, 20)));
            _accounts[account] = (failures, time.GetUtcNow() + lockout);
        }
    }

    public void Succeeded(string account)
    {
        lock (_accounts)
        {
            _accounts.Remove(account);
        }
    }
}
