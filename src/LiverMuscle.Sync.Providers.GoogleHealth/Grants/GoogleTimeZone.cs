using System.Collections.Concurrent;
using System.Net.Http.Headers;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Grants;

/// <summary>
/// Keeps a person's time zone at the one of their Google Health settings (<c>users/me/settings</c> <c>timeZone</c>,
/// which needs the optional settings scope): read at consent, then again by a run once
/// <see cref="FitbitOptions.TimeZoneRefreshInterval"/> has passed, and reported through
/// <see cref="IPersonStore.ReportProviderTimeZoneAsync"/> (a zone the person set themselves wins). Without the scope,
/// or when the settings cannot be read, the stored zone stays and the sync goes on.
/// </summary>
internal sealed class GoogleTimeZone(
    GoogleHealthApiClient client,
    ITokenStore tokens,
    IPersonStore people,
    IOptions<FitbitOptions> options,
    TimeProvider time,
    ILogger<GoogleTimeZone> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _readAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _reading = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads and reports the zone when it is due and the grant has the settings scope. The data kinds of a run ask at
    /// once: they share one read, and each goes on under the zone it reported.
    /// </summary>
    public async Task RefreshAsync(string userId, RequestTally tally, CancellationToken cancellationToken)
    {
        if (!Due(userId))
        {
            return;
        }

        var reading = _reading.GetOrAdd(userId, _ => new Lazy<Task>(() => RefreshDueAsync(userId, tally, cancellationToken)));
        try
        {
            await reading.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _reading.TryRemove(new KeyValuePair<string, Lazy<Task>>(userId, reading));
        }
    }

    private bool Due(string userId) => !_readAt.TryGetValue(userId, out var at) || time.GetUtcNow() - at >= options.Value.TimeZoneRefreshInterval;

    private async Task RefreshDueAsync(string userId, RequestTally tally, CancellationToken cancellationToken)
    {
        // Another read may have ended between the check and this one.
        if (!Due(userId))
        {
            return;
        }

        var now = time.GetUtcNow();
        if ((await tokens.GetAsync(userId, ProviderNames.Fitbit, cancellationToken))?.Token is not { } token || !GoogleScopes.Granted(token).Contains(GoogleScopes.Settings))
        {
            return;
        }

        // Marked read once the read ended, so a kind that finds it not due goes on under the zone it reported.
        try
        {
            await ReadAsync(userId, () => client.GetTimeZoneAsync(userId, tally, cancellationToken), cancellationToken);
        }
        finally
        {
            _readAt[userId] = now;
        }
    }

    /// <summary>At consent, with the token just issued (not stored yet).</summary>
    public async Task ReadAtConsentAsync(string userId, OAuthToken token, CancellationToken cancellationToken)
    {
        if (GoogleScopes.Granted(token).Contains(GoogleScopes.Settings))
        {
            _readAt[userId] = time.GetUtcNow();
            var authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken).ToString();
            await ReadAsync(userId, () => client.GetTimeZoneWithAsync(authorization, cancellationToken), cancellationToken);
        }
    }

    private async Task ReadAsync(string userId, Func<Task<string?>> read, CancellationToken cancellationToken)
    {
        try
        {
            if (await read() is { } zone)
            {
                var outcome = await people.ReportProviderTimeZoneAsync(userId, ProviderNames.Fitbit, zone, cancellationToken);
                Log.TimeZoneReported(logger, userId, zone, outcome);
            }
        }
        catch (Exception e) when (e is not ReauthorizationRequiredException && !cancellationToken.IsCancellationRequested)
        {
            // The zone only refines the days; the data is still read under the stored one.
            Log.TimeZoneUnread(logger, userId, e.Message);
        }
    }
}
