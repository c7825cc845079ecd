using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers.Budget;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Worker.Status;

/// <summary>
/// Renders what the state store knows as a plain-text report: never a token, only expiry times. The request budget
/// is what every process on the store has left of the provider's current window.
/// </summary>
internal sealed class StatusReporter(
    IUserStore users,
    ITokenStore tokens,
    ISyncCursorStore cursors,
    ISyncRunLog runs,
    IWriteSpool spool,
    IEnumerable<IDataKindGrants> grants,
    TimeProvider time,
    IRequestBudget? budget = null,
    IPushHealth? push = null,
    PollPlanner? polls = null)
{
    public async Task<string> BuildAsync(string? userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var allUsers = await users.ListAsync(cancellationToken);
        var connections = await tokens.ListAsync(cancellationToken);
        var latestRuns = await runs.ListLatestAsync(userId, cancellationToken);
        var allCursors = await cursors.ListAsync(userId, cancellationToken);
        var text = new StringBuilder();

        var shown = allUsers.Where(u => userId is null || u.Id == userId).ToList();
        if (shown.Count == 0)
        {
            text.AppendLine(userId is null
                ? "No users yet. Connect one with: livermuscle-sync auth withings --user ID"
                : $"No user '{userId}'.");
        }

        foreach (var user in shown.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"user {user.Id} (time zone {user.TimeZone})");
            var userConnections = connections.Where(c => c.UserId == user.Id).OrderBy(c => c.Provider, StringComparer.Ordinal).ToList();
            if (userConnections.Count == 0)
            {
                text.AppendLine("  no provider connected");
            }

            foreach (var connection in userConnections)
            {
                AppendConnection(text, connection, now);
                foreach (var missing in grants.Where(g => g.Provider == connection.Provider).SelectMany(g => g.NotGranted(connection)))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {missing.DataKind}: NOT GRANTED ({missing.Remedy})");
                }

                if (budget is not null && await budget.GetSnapshotAsync(connection.Provider, user.Id, cancellationToken) is { Limit: < int.MaxValue } snapshot)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    request budget: {snapshot.Remaining}/{snapshot.Limit} per {snapshot.Window.TotalSeconds:0} s{(snapshot.UserId is null ? " for the application" : string.Empty)}");
                }

                if (push is not null)
                {
                    text.AppendLine(Describe(await push.GetAsync(user.Id, connection.Provider, cancellationToken)));
                }

                if (polls is not null)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {await polls.GetAsync(user.Id, connection.Provider, cancellationToken)}");
                }

                foreach (var cursor in allCursors.Where(c => c.UserId == user.Id && c.Provider == connection.Provider).OrderBy(c => c.DataKind, StringComparer.Ordinal))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    cursor {cursor.DataKind}: {cursor.Value} (saved {cursor.UpdatedAt.UtcDateTime:u})");
                }

                var run = latestRuns.FirstOrDefault(r => r.UserId == user.Id && r.Provider == connection.Provider);
                text.AppendLine(run is null
                    ? "    last sync: never"
                    : string.Create(CultureInfo.InvariantCulture, $"    last sync: {run.Outcome.ToString().ToLowerInvariant()} at {run.FinishedAt.UtcDateTime:u}, {run.Records} records, {run.Requests} requests{(run.Error is null ? string.Empty : ", error: " + run.Error)}"));
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"write spool: {await spool.CountAsync(cancellationToken)} batches waiting for InfluxDB");
        return text.ToString();
    }

    private static string Describe(PushHealth push) => (push.SubscriptionConfirmedAt, push.LastNotificationAt) switch
    {
        (null, null) => "    push: no subscription confirmed, no notification yet (polling only)",
        var (confirmed, notified) => string.Create(CultureInfo.InvariantCulture,
            $"    push: subscription {(confirmed is { } c ? $"confirmed {c.UtcDateTime:u}" : "not confirmed")}, last notification {(notified is { } n ? n.UtcDateTime.ToString("u", CultureInfo.InvariantCulture) : "never")}"),
    };

    private static void AppendConnection(StringBuilder text, ProviderConnection connection, DateTimeOffset now)
    {
        var status = connection.Status switch
        {
            ConnectionStatus.Connected => "connected",
            ConnectionStatus.NeedsReauthorization => "NEEDS RE-AUTHORISATION",
            _ => "disconnected",
        };
        text.AppendLine(CultureInfo.InvariantCulture, $"  {connection.Provider}: {status}{(connection.StatusReason is null ? string.Empty : " (" + connection.StatusReason + ")")}");
        if (connection.Token is { } token)
        {
            var left = token.AccessTokenExpiresAt - now;
            text.AppendLine(left > TimeSpan.Zero
                ? string.Create(CultureInfo.InvariantCulture, $"    access token expires {token.AccessTokenExpiresAt.UtcDateTime:u} (in {left:d\\.hh\\:mm})")
                : string.Create(CultureInfo.InvariantCulture, $"    access token expired {token.AccessTokenExpiresAt.UtcDateTime:u} (refreshed on next use)"));
        }
    }
}
