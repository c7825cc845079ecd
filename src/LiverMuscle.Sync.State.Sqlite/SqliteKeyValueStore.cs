using System.Text;

namespace LiverMuscle.Sync.State.Sqlite;

internal sealed class SqliteKeyValueStore(SqliteDatabase database, SecretProtector protector) : IKeyValueStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT value, secret FROM key_values WHERE key = $key").With("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var value = (byte[])reader.GetValue(0);
        return reader.GetInt64(1) != 0 ? protector.Unprotect(value, AssociatedData(key)) : Encoding.UTF8.GetString(value);
    }

    public async Task SetAsync(string key, string value, bool secret, CancellationToken cancellationToken)
    {
        var stored = secret ? protector.Protect(value, AssociatedData(key)) : Encoding.UTF8.GetBytes(value);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "INSERT INTO key_values (key, value, secret) VALUES ($key, $value, $secret) " +
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, secret = excluded.secret")
            .With("$key", key).With("$value", stored).With("$secret", secret ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM key_values WHERE key = $key").With("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string AssociatedData(string key) => "kv\n" + key;
}
