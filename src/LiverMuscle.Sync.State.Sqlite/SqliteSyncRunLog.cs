namespace LiverMuscle.Sync.State.Sqlite;

internal sealed class SqliteSyncRunLog(SqliteDatabase database) : ISyncRunLog
{
    public async Task RecordAsync(SyncRunRecord run, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO sync_runs (user_id, provider, outcome, records, requests, started_at, finished_at, error) " +
                "VALUES ($user, $provider, $outcome, $records, $requests, $started, $finished, $error)")
            .With("$user", run.UserId).With("$provider", run.Provider).With("$outcome", run.Outcome.ToString())
            .With("$records", run.Records).With("$requests", run.Requests)
            .With("$started", UnixTime.ToMs(run.StartedAt)).With("$finished", UnixTime.ToMs(run.FinishedAt)).With("$error", run.Error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SyncRunRecord>> ListLatestAsync(string? userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT user_id, provider, outcome, records, requests, started_at, finished_at, error FROM sync_runs " +
                "WHERE id IN (SELECT max(id) FROM sync_runs GROUP BY user_id, provider) AND ($user IS NULL OR user_id = $user) " +
                "ORDER BY user_id, provider")
            .With("$user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<SyncRunRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new SyncRunRecord(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<SyncOutcome>(reader.GetString(2)),
                reader.GetInt32(3),
                reader.GetInt32(4),
                UnixTime.FromMs(reader.GetInt64(5)),
                UnixTime.FromMs(reader.GetInt64(6)),
                reader.GetNullableString(7)));
        }

        return runs;
    }
}
