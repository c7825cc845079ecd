namespace LiverMuscle.Sync.State.Sqlite;

internal sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    public async Task UpsertAsync(UserRecord user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO users (id, time_zone, created_at) VALUES ($id, $tz, $created) " +
                "ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone")
            .With("$id", user.Id).With("$tz", user.TimeZone).With("$created", UnixTime.ToMs(user.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<UserRecord?> GetAsync(string userId, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE id = $id", userId, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync(string.Empty, null, cancellationToken);

    private async Task<IReadOnlyList<UserRecord>> QueryAsync(string where, string? id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT id, time_zone, created_at FROM users {where} ORDER BY id").With("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new UserRecord(reader.GetString(0), reader.GetString(1), UnixTime.FromMs(reader.GetInt64(2))));
        }

        return users;
    }
}
