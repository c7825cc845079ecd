using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// A value encrypted with the store's key when the store is first opened; decrypting it at every start tells at
/// once whether the configured key is the one the secrets were encrypted with. A store from before the check is
/// tested on one of its stored tokens first.
/// </summary>
internal static class StateKeyCheck
{
    private const string Name = "key_check";
    private const string Plaintext = "livermuscle-sync state key";
    private const string AssociatedData = "meta\nkey_check";

    public static async Task VerifyAsync(SqliteConnection connection, SecretProtector protector, CancellationToken cancellationToken)
    {
        if (await ReadAsync(connection, cancellationToken) is not { } stored)
        {
            await CheckExistingTokenAsync(connection, protector, cancellationToken);
            await using var insert = connection.Command("INSERT INTO store_meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO NOTHING")
                .With("$name", Name).With("$value", protector.Protect(Plaintext, AssociatedData));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            stored = await ReadAsync(connection, cancellationToken);
        }

        if (stored is null || !protector.TryUnprotect(stored, AssociatedData, out var text) || text != Plaintext)
        {
            throw new StateStoreException(protector.AnotherKeyMessage());
        }
    }

    private static async Task<byte[]?> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT value FROM store_meta WHERE name = $name").With("$name", Name);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private static async Task CheckExistingTokenAsync(SqliteConnection connection, SecretProtector protector, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT user_id, provider, token FROM connections WHERE token IS NOT NULL LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken) &&
            !protector.TryUnprotect((byte[])reader.GetValue(2), SqliteTokenStore.AssociatedData(reader.GetString(0), reader.GetString(1)), out _))
        {
            throw new StateStoreException(protector.AnotherKeyMessage());
        }
    }
}
