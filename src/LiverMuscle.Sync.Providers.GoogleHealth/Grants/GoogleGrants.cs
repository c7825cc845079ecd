using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Grants;

/// <summary>
/// What a person's Google grant covers, per data kind. A data kind whose scope was not granted is not called at all
/// (shown by <c>status</c>, in <c>sync_health</c> and logged with how to grant it); only a grant that covers no data
/// kind at all is a reason to authorise again.
/// </summary>
internal sealed class GoogleGrants(ITokenStore tokens, ITokenManager tokenManager, ILogger<GoogleGrants> logger) : IDataKindGrants
{
    public string Provider => ProviderNames.Fitbit;

    public IReadOnlyList<DataKindNotGranted> NotGranted(ProviderConnection connection)
    {
        if (connection.Token is not { } token || connection.Status != ConnectionStatus.Connected)
        {
            return [];
        }

        var granted = GoogleScopes.Granted(token);
        return [.. new[] { FitbitDataKinds.Exercise, FitbitDataKinds.Nutrition, FitbitDataKinds.Body, GoogleScopes.TimeZone }
            .Where(kind => !granted.Contains(GoogleScopes.For(kind)))
            .Select(kind => new DataKindNotGranted(kind, Remedy(connection.UserId, kind)))];
    }

    /// <summary>
    /// Whether <paramref name="dataKind"/> of the person may be read: false (logged) when its scope was not granted;
    /// a grant without any data scope marks the connection for re-authorisation and throws
    /// <see cref="ReauthorizationRequiredException"/>.
    /// </summary>
    public async Task<bool> AllowsAsync(string userId, string dataKind, CancellationToken cancellationToken)
    {
        if ((await tokens.GetAsync(userId, Provider, cancellationToken))?.Token is not { } token)
        {
            return true;
        }

        var granted = GoogleScopes.Granted(token);
        await RequireAnyDataAsync(userId, granted, cancellationToken);
        if (granted.Contains(GoogleScopes.For(dataKind)))
        {
            return true;
        }

        Log.NotGranted(logger, userId, dataKind, Remedy(userId, dataKind));
        return false;
    }

    /// <summary>
    /// After the API refused a data kind for a missing scope (and the grant was learned again): a grant left without
    /// any data scope marks the connection for re-authorisation and throws <see cref="ReauthorizationRequiredException"/>.
    /// The data kinds of a run read side by side, so each may have been let through before another learned the grant.
    /// </summary>
    public async Task RequireAnyDataAsync(string userId, CancellationToken cancellationToken)
    {
        if ((await tokens.GetAsync(userId, Provider, cancellationToken))?.Token is { } token)
        {
            await RequireAnyDataAsync(userId, GoogleScopes.Granted(token), cancellationToken);
        }
    }

    private async Task RequireAnyDataAsync(string userId, IReadOnlySet<string> granted, CancellationToken cancellationToken)
    {
        if (!GoogleScopes.Data.Any(granted.Contains))
        {
            var reason = $"the Google grant covers none of the data ({string.Join(", ", GoogleScopes.Data.Select(GoogleScopes.Permission))}); "
                + $"run 'livermuscle-sync auth fitbit --user {userId}' and tick them at Google's consent screen";
            await tokenManager.MarkNeedsReauthorizationAsync(userId, Provider, reason, cancellationToken);
            throw new ReauthorizationRequiredException(userId, Provider, reason);
        }
    }

    public static string Remedy(string userId, string dataKind) =>
        $"Google's '{GoogleScopes.Permission(GoogleScopes.For(dataKind))}' permission was not granted, so {What(dataKind)}; "
        + $"run 'livermuscle-sync auth fitbit --user {userId}' and tick it at Google's consent screen";

    private static string What(string dataKind) => dataKind == GoogleScopes.TimeZone
        ? "the time zone is not read from Google Health (set it with 'people set ID --time-zone TZ' if it is not right)"
        : $"{dataKind} is not synced";
}
