using System.Diagnostics;

namespace LiverMuscle.Sync.Testing;

/// <summary>Bounded waits for a condition another thread or process brings about: polls it until a deadline.</summary>
public static class Eventually
{
    /// <summary>How long a condition may take unless a test says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    public static Task TrueAsync(Func<bool> condition, string? what = null) => TrueAsync(condition, DefaultTimeout, what);

    public static Task TrueAsync(Func<Task<bool>> condition, string? what = null) => TrueAsync(condition, DefaultTimeout, what);

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string? what = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string? what = null)
    {
        if (!await BecomesTrueWithinAsync(condition, timeout))
        {
            throw new TimeoutException($"{what ?? "The condition"} did not hold within {timeout}.");
        }
    }

    /// <summary>Whether <paramref name="condition"/> holds at some point within <paramref name="window"/> (to prove that something does not happen).</summary>
    public static Task<bool> BecomesTrueWithinAsync(Func<bool> condition, TimeSpan? window = null) =>
        BecomesTrueWithinAsync(() => Task.FromResult(condition()), window);

    public static async Task<bool> BecomesTrueWithinAsync(Func<Task<bool>> condition, TimeSpan? window = null)
    {
        window ??= DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > window)
            {
                return false;
            }

            await Task.Delay(Poll, TimeProvider.System);
        }

        return true;
    }
}
