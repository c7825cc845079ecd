namespace LiverMuscle.Sync.State;

/// <summary>
/// The requests a provider still counts, shared by every process on the state store: per scope (an application, or
/// one user of it) the times requests were sent within the last window, and a hold after a rate-limit answer. Taking a
/// slot is atomic, so two processes together never send more than the limit. A user's scope ends with a newline and
/// their id (<c>fitbit\nalice</c>), so erasing the person removes it.
/// </summary>
public interface IRequestWindowStore
{
    /// <summary>
    /// Records one request at <paramref name="now"/> in every scope when each has room within the last
    /// <paramref name="window"/> and none is held, and returns zero; else records nothing and returns how long to wait
    /// before a slot may be free.
    /// </summary>
    Task<TimeSpan> TryTakeAsync(IReadOnlyList<RequestScope> scopes, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Holds every request of <paramref name="scope"/> until <paramref name="until"/> (a later hold wins).</summary>
    Task HoldAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Requests of <paramref name="scope"/> within the last <paramref name="window"/> before <paramref name="now"/>.</summary>
    Task<int> CountAsync(string scope, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds requests sent before this store kept them (a window saved by an earlier version).</summary>
    Task ImportAsync(string scope, IReadOnlyList<DateTimeOffset> sentAt, DateTimeOffset holdUntil, CancellationToken cancellationToken);
}

/// <summary>A scope of a rate limit and how many requests it allows per window.</summary>
public sealed record RequestScope(string Scope, int Limit);
