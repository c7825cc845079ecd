namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// The spool's replay lease: the single <c>spool_replay_lease</c> row names its holder until <c>expires_at</c>. While
/// held it is renewed every third of <see cref="Duration"/>; a holder that dies lets it lapse, and another process
/// takes it once it has expired.
/// </summary>
internal sealed class SqliteSpoolReplayLease(SqliteDatabase database, TimeProvider time) : ISpoolReplayLease
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private readonly string _holder = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly CancellationTokenSource _stop = new();
    private Task? _renewal;
    private volatile bool _held;

    public bool IsHeld => _held;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        _held = await ExecuteAsync(
            "INSERT INTO spool_replay_lease (id, holder, expires_at) VALUES (1, $holder, $expires) " +
            "ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE spool_replay_lease.expires_at <= $now",
            cancellationToken);
        if (_held)
        {
            _renewal = RenewAsync(_stop.Token);
        }

        return _held;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_renewal is not null)
        {
            await _renewal;
        }

        if (_held)
        {
            _held = false;
            await ExecuteAsync("DELETE FROM spool_replay_lease WHERE id = 1 AND holder = $holder", CancellationToken.None);
        }

        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Duration / 3, time);
        try
        {
            while (_held && await timer.WaitForNextTickAsync(stop))
            {
                _held = await ExecuteAsync("UPDATE spool_replay_lease SET expires_at = $expires WHERE id = 1 AND holder = $holder", stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            // The store is unusable for now: stop replaying rather than risk a second replayer.
            _held = false;
        }
    }

    /// <summary>Runs a statement on the lease row; true when it changed the row.</summary>
    private async Task<bool> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql)
            .With("$holder", _holder).With("$now", UnixTime.ToMs(now)).With("$expires", UnixTime.ToMs(now + Duration));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
