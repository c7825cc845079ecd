namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// Deletes every row of one person in one transaction: the person, their connections (tokens), cursors, sync runs,
/// alert states, pending authorisations, programme, reminder occasions, push subscriptions, refresh leases, the
/// request windows of their own scope, and their key-values (keys of three or more segments ending in their id).
/// </summary>
internal sealed class SqlitePersonStateEraser(SqliteDatabase database) : IPersonStateEraser
{
    private static readonly (string Kind, string Sql)[] Statements =
    [
        ("person", "DELETE FROM users WHERE id = $user"),
        ("connections", "DELETE FROM connections WHERE user_id = $user"),
        ("cursors", "DELETE FROM cursors WHERE user_id = $user"),
        ("sync runs", "DELETE FROM sync_runs WHERE user_id = $user"),
        ("alert states", "DELETE FROM alert_states WHERE user_id = $user"),
        ("pending authorisations", "DELETE FROM pending_authorizations WHERE user_id = $user"),
        ("programme", "DELETE FROM programmes WHERE user_id = $user"),
        ("reminder occasions", "DELETE FROM reminder_occasions WHERE user_id = $user"),
        ("push subscriptions", "DELETE FROM push_subscriptions WHERE user_id = $user"),
        ("refresh leases", "DELETE FROM token_refresh_leases WHERE user_id = $user"),
        ("request windows", "DELETE FROM request_grants WHERE substr(scope, -length($scope)) = $scope"),
        ("key-values", "DELETE FROM key_values WHERE substr(key, -length($suffix)) = $suffix AND length(key) - length(replace(key, '/', '')) >= 2"),
    ];

    public async Task<StateErasure> EraseAsync(string personId, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (kind, sql) in Statements)
        {
            await using var command = connection.Command(sql).With("$user", personId).With("$suffix", "/" + personId).With("$scope", "\n" + personId);
            command.Transaction = transaction;
            rows[kind] = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new StateErasure(rows);
    }
}
