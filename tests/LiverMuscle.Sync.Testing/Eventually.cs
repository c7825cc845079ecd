using System.Diagnostics;

namespace LiverMuscle.Sync.Testing;

/// <summary>Bounded waits for a condition another thread or process brings about: polls it until a deadline.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string? what = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string? what = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what ?? "The condition"} did not hold within {timeout}.");
            }

            await Task.Delay(Poll, TimeProvider.System);
        }
    }
}
