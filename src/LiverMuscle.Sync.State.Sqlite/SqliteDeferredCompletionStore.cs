using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.State.Sqlite;

internal sealed class SqliteDeferredCompletionStore(SqliteDatabase database) : IDeferredCompletionStore
{
    public async Task AddAsync(SyncCompleted completed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO deferred_completions (user_id, provider, records, earliest, latest) VALUES ($user, $provider, $records, $earliest, $latest) " +
                "ON CONFLICT (user_id, provider) DO UPDATE SET records = records + excluded.records, " +
                "earliest = coalesce(min(earliest, excluded.earliest), earliest, excluded.earliest), " +
                "latest = coalesce(max(latest, excluded.latest), latest, excluded.latest)")
            .With("$user", completed.UserId).With("$provider", completed.Provider).With("$records", completed.Records)
            .With("$earliest", UnixTime.ToDb(completed.EarliestPoint)).With("$latest", UnixTime.ToDb(completed.LatestPoint));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SyncCompleted>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT user_id, provider, records, earliest, latest FROM deferred_completions ORDER BY user_id, provider");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<SyncCompleted>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new SyncCompleted(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), UnixTime.FromMs(reader.GetValue(3)), UnixTime.FromMs(reader.GetValue(4))));
        }

        return entries;
    }

    public async Task RemoveAsync(SyncCompleted completed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "DELETE FROM deferred_completions WHERE user_id = $user AND provider = $provider AND records = $records " +
                "AND earliest IS $earliest AND latest IS $latest")
            .With("$user", completed.UserId).With("$provider", completed.Provider).With("$records", completed.Records)
            .With("$earliest", UnixTime.ToDb(completed.EarliestPoint)).With("$latest", UnixTime.ToDb(completed.LatestPoint));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
