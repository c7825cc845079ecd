namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Refresh leases in <c>token_refresh_leases</c>; taking one is a single upsert that only wins over an expired or own lease.</summary>
internal sealed class SqliteTokenRefreshLeases(SqliteDatabase database) : ITokenRefreshLeases
{
    public async Task<bool> TryAcquireAsync(string userId, string provider, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO token_refresh_leases (user_id, provider, holder, expires_at) VALUES ($user, $provider, $holder, $until) " +
                "ON CONFLICT (user_id, provider) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
                "WHERE token_refresh_leases.expires_at <= $now OR token_refresh_leases.holder = excluded.holder " +
                "RETURNING holder")
            .With("$user", userId).With("$provider", provider).With("$holder", holder)
            .With("$now", UnixTime.ToMs(now)).With("$until", UnixTime.ToMs(until));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task ReleaseAsync(string userId, string provider, string holder, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM token_refresh_leases WHERE user_id = $user AND provider = $provider AND holder = $holder")
            .With("$user", userId).With("$provider", provider).With("$holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
