using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Token pairs are serialised and encrypted as one value, bound to their (user, provider) row.</summary>
internal sealed class SqliteTokenStore(SqliteDatabase database, SecretProtector protector, TimeProvider time) : ITokenStore
{
    private const string Columns = "user_id, provider, token, status, status_reason, updated_at";

    public async Task<ProviderConnection?> GetAsync(string userId, string provider, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE user_id = $user AND provider = $provider", userId, provider, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<ProviderConnection>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync(string.Empty, null, null, cancellationToken);

    public async Task SaveTokenAsync(string userId, string provider, OAuthToken token, CancellationToken cancellationToken)
    {
        var sealedToken = protector.Protect(JsonSerializer.Serialize(token), AssociatedData(userId, provider));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO connections (user_id, provider, token, access_expires_at, status, status_reason, updated_at) " +
                "VALUES ($user, $provider, $token, $expires, $status, NULL, $now) " +
                "ON CONFLICT (user_id, provider) DO UPDATE SET token = excluded.token, access_expires_at = excluded.access_expires_at, " +
                "status = excluded.status, status_reason = NULL, updated_at = excluded.updated_at")
            .With("$user", userId).With("$provider", provider).With("$token", sealedToken)
            .With("$expires", UnixTime.ToMs(token.AccessTokenExpiresAt)).With("$status", nameof(ConnectionStatus.Connected))
            .With("$now", UnixTime.ToMs(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetStatusAsync(string userId, string provider, ConnectionStatus status, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO connections (user_id, provider, token, status, status_reason, updated_at) VALUES ($user, $provider, NULL, $status, $reason, $now) " +
                "ON CONFLICT (user_id, provider) DO UPDATE SET status = excluded.status, status_reason = excluded.status_reason, updated_at = excluded.updated_at")
            .With("$user", userId).With("$provider", provider).With("$status", status.ToString())
            .With("$reason", reason).With("$now", UnixTime.ToMs(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string userId, string provider, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM connections WHERE user_id = $user AND provider = $provider")
            .With("$user", userId).With("$provider", provider);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<ProviderConnection>> QueryAsync(string where, string? userId, string? provider, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM connections {where} ORDER BY user_id, provider")
            .With("$user", userId).With("$provider", provider);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<ProviderConnection>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    private ProviderConnection Read(SqliteDataReader reader)
    {
        var user = reader.GetString(0);
        var provider = reader.GetString(1);
        OAuthToken? token = null;
        if (!reader.IsDBNull(2))
        {
            var json = protector.Unprotect((byte[])reader.GetValue(2), AssociatedData(user, provider));
            token = JsonSerializer.Deserialize<OAuthToken>(json);
        }

        return new ProviderConnection(
            user,
            provider,
            token,
            Enum.Parse<ConnectionStatus>(reader.GetString(3)),
            reader.GetNullableString(4),
            UnixTime.FromMs(reader.GetInt64(5)));
    }

    internal static string AssociatedData(string userId, string provider) => $"token\n{userId}\n{provider}";
}
