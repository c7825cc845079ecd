using System.Globalization;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// FIFO of pending writes; an entry is committed (WAL) when Enqueue returns. The replay lease is one
/// row, taken only when free or lapsed, so it is exclusive across every process on the file.
/// </summary>
internal sealed class SqliteWriteSpool(SqliteDatabase database, TimeProvider time) : IWriteSpool
{
    public async Task<long> EnqueueAsync(string kind, byte[] payload, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("INSERT INTO write_spool (kind, payload, created_at) VALUES ($kind, $payload, $at) RETURNING id")
            .With("$kind", kind).With("$payload", payload).With("$at", UnixTime.ToMs(time.GetUtcNow()));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<SpoolEntry>> PeekAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT id, kind, payload, created_at FROM write_spool ORDER BY id LIMIT $max").With("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<SpoolEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new SpoolEntry(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2), UnixTime.FromMs(reader.GetInt64(3))));
        }

        return entries;
    }

    public async Task RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM write_spool WHERE id = $id").With("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT count(*) FROM write_spool");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<SpoolDepth> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT count(*), coalesce(sum(length(payload)), 0), min(created_at) FROM write_spool");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SpoolDepth(reader.GetInt32(0), reader.GetInt64(1), UnixTime.FromMs(reader.GetValue(2)));
    }

    public async Task<ISpoolReplayLease?> TryLeaseReplayAsync(CancellationToken cancellationToken)
    {
        var lease = new SqliteSpoolReplayLease(database, time);
        return await lease.TryAcquireAsync(cancellationToken) ? lease : null;
    }
}
