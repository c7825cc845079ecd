using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Push subscriptions in <c>push_subscriptions</c>, one row per (person, provider), created by whichever write comes first.</summary>
internal sealed class SqlitePushSubscriptionStore(SqliteDatabase database) : IPushSubscriptionStore
{
    private const string Columns = "user_id, provider, token_hash, confirmed_at, last_notification_at";

    public async Task<PushSubscription?> GetAsync(string userId, string provider, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE user_id = $user AND provider = $provider", c => c.With("$user", userId).With("$provider", provider), cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<PushSubscription>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync(string.Empty, c => c, cancellationToken);

    public async Task<string?> FindByTokenHashAsync(string provider, byte[] tokenHash, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE provider = $provider AND token_hash = $hash", c => c.With("$provider", provider).With("$hash", tokenHash), cancellationToken)).SingleOrDefault()?.UserId;

    public Task SetTokenHashAsync(string userId, string provider, byte[] tokenHash, CancellationToken cancellationToken) =>
        UpsertAsync("token_hash, confirmed_at", "$value, NULL", "token_hash = excluded.token_hash, confirmed_at = NULL", userId, provider, tokenHash, cancellationToken);

    public Task MarkConfirmedAsync(string userId, string provider, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpsertAsync("confirmed_at", "$value", "confirmed_at = excluded.confirmed_at", userId, provider, UnixTime.ToMs(at), cancellationToken);

    public Task MarkNotifiedAsync(string userId, string provider, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpsertAsync("last_notification_at", "$value", "last_notification_at = max(coalesce(last_notification_at, 0), excluded.last_notification_at)", userId, provider, UnixTime.ToMs(at), cancellationToken);

    private async Task UpsertAsync(string columns, string values, string update, string userId, string provider, object value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                $"INSERT INTO push_subscriptions (user_id, provider, {columns}) VALUES ($user, $provider, {values}) " +
                $"ON CONFLICT (user_id, provider) DO UPDATE SET {update}")
            .With("$user", userId).With("$provider", provider).With("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<PushSubscription>> QueryAsync(string where, Func<SqliteCommand, SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = bind(connection.Command($"SELECT {Columns} FROM push_subscriptions {where} ORDER BY user_id, provider"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<PushSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new PushSubscription(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2),
                UnixTime.FromMs(reader.GetValue(3)),
                UnixTime.FromMs(reader.GetValue(4))));
        }

        return result;
    }
}
