using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// Request windows in <c>request_grants</c> (one row per request sent) and <c>request_holds</c>. A slot is taken in an
/// immediate transaction, so processes on one file serialise their takes. These rows only pace requests: their commits
/// skip the full sync of other writes, as losing the last grants to a power cut costs nothing lasting.
/// </summary>
internal sealed class SqliteRequestWindowStore(SqliteDatabase database) : IRequestWindowStore
{
    public async Task<TimeSpan> TryTakeAsync(IReadOnlyList<RequestScope> scopes, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = UnixTime.ToMs(now);
        var windowMs = (long)window.TotalMilliseconds;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var waitMs = 0L;
        foreach (var scope in scopes)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM request_grants WHERE scope = $scope AND granted_at <= $cutoff", scope.Scope, ("$cutoff", nowMs - windowMs), cancellationToken);
            waitMs = Math.Max(waitMs, await WaitAsync(connection, transaction, scope, nowMs, windowMs, cancellationToken));
        }

        if (waitMs == 0)
        {
            foreach (var scope in scopes)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO request_grants (scope, granted_at) VALUES ($scope, $now)", scope.Scope, ("$now", nowMs), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return TimeSpan.FromMilliseconds(waitMs);
    }

    public async Task HoldAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO request_holds (scope, hold_until) VALUES ($scope, $until) " +
                "ON CONFLICT (scope) DO UPDATE SET hold_until = max(hold_until, excluded.hold_until)")
            .With("$scope", scope).With("$until", UnixTime.ToMs(until));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CountAsync(string scope, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT count(*) FROM request_grants WHERE scope = $scope AND granted_at > $cutoff")
            .With("$scope", scope).With("$cutoff", UnixTime.ToMs(now - window));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task ImportAsync(string scope, IReadOnlyList<DateTimeOffset> sentAt, DateTimeOffset holdUntil, CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
            foreach (var at in sentAt)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO request_grants (scope, granted_at) VALUES ($scope, $at)", scope, ("$at", UnixTime.ToMs(at)), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await HoldAsync(scope, holdUntil, cancellationToken);
    }

    /// <summary>Zero when the scope has room and no hold at <paramref name="nowMs"/>, else the milliseconds until it may.</summary>
    private static async Task<long> WaitAsync(SqliteConnection connection, SqliteTransaction transaction, RequestScope scope, long nowMs, long windowMs, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
                "SELECT (SELECT count(*) FROM request_grants WHERE scope = $scope), " +
                "(SELECT granted_at FROM request_grants WHERE scope = $scope ORDER BY granted_at LIMIT 1 OFFSET (SELECT max(count(*) - $limit, 0) FROM request_grants WHERE scope = $scope)), " +
                "(SELECT hold_until FROM request_holds WHERE scope = $scope)")
            .With("$scope", scope.Scope).With("$limit", scope.Limit);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var full = reader.GetInt64(0) >= scope.Limit && !reader.IsDBNull(1) ? reader.GetInt64(1) + windowMs - nowMs : 0;
        var held = reader.IsDBNull(2) ? 0 : reader.GetInt64(2) - nowMs;
        return Math.Max(0, Math.Max(full, held));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string scope, (string Name, long Value) parameter, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql).With("$scope", scope).With(parameter.Name, parameter.Value);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        await using var pragma = connection.Command("PRAGMA synchronous = NORMAL;");
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
