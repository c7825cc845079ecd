namespace LiverMuscle.Sync.State.Sqlite;

internal sealed class SqliteCursorStore(SqliteDatabase database) : ISyncCursorStore
{
    public async Task<SyncCursor?> GetAsync(string userId, string provider, string dataKind, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE user_id = $user AND provider = $provider AND data_kind = $kind", userId, provider, dataKind, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<SyncCursor>> ListAsync(string? userId, CancellationToken cancellationToken) =>
        QueryAsync(userId is null ? string.Empty : "WHERE user_id = $user", userId, null, null, cancellationToken);

    public async Task SetAsync(SyncCursor cursor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO cursors (user_id, provider, data_kind, value, updated_at) VALUES ($user, $provider, $kind, $value, $at) " +
                "ON CONFLICT (user_id, provider, data_kind) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
            .With("$user", cursor.UserId).With("$provider", cursor.Provider).With("$kind", cursor.DataKind)
            .With("$value", cursor.Value).With("$at", UnixTime.ToMs(cursor.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string userId, string provider, string dataKind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM cursors WHERE user_id = $user AND provider = $provider AND data_kind = $kind")
            .With("$user", userId).With("$provider", provider).With("$kind", dataKind);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<SyncCursor>> QueryAsync(string where, string? userId, string? provider, string? kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT user_id, provider, data_kind, value, updated_at FROM cursors {where} ORDER BY user_id, provider, data_kind")
            .With("$user", userId).With("$provider", provider).With("$kind", kind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cursors = new List<SyncCursor>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cursors.Add(new SyncCursor(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), UnixTime.FromMs(reader.GetInt64(4))));
        }

        return cursors;
    }
}
