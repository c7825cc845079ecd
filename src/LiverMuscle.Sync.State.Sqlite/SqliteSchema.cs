using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// The versioned schema. Each migration runs once, in its own transaction, and bumps <c>PRAGMA user_version</c>.
/// Migrations are forward-only: append, never edit one that has shipped.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            time_zone TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE connections (
            user_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            token BLOB NULL,
            access_expires_at INTEGER NULL,
            status TEXT NOT NULL,
            status_reason TEXT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, provider));
        CREATE TABLE cursors (
            user_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            data_kind TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, provider, data_kind));
        CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            outcome TEXT NOT NULL,
            records INTEGER NOT NULL,
            requests INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            error TEXT NULL);
        CREATE INDEX sync_runs_latest ON sync_runs (user_id, provider, id);
        CREATE TABLE alert_states (
            rule_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            status TEXT NOT NULL,
            since INTEGER NOT NULL,
            last_notified_at INTEGER NULL,
            last_value REAL NULL,
            data TEXT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (rule_id, user_id));
        CREATE TABLE write_spool (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            payload BLOB NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE key_values (
            key TEXT PRIMARY KEY,
            value BLOB NOT NULL,
            secret INTEGER NOT NULL);
        """,
        """
        ALTER TABLE users ADD COLUMN display_name TEXT NULL;
        ALTER TABLE users ADD COLUMN time_zone_origin TEXT NOT NULL DEFAULT 'Default';
        ALTER TABLE users ADD COLUMN birth_date TEXT NULL;
        ALTER TABLE users ADD COLUMN sex TEXT NULL;
        ALTER TABLE users ADD COLUMN height_m REAL NULL;
        ALTER TABLE users ADD COLUMN sessions_per_week INTEGER NULL;
        ALTER TABLE users ADD COLUMN resistance_minutes_per_week REAL NULL;
        ALTER TABLE users ADD COLUMN protein_g_per_kg_per_day REAL NULL;
        ALTER TABLE users ADD COLUMN recipients TEXT NULL;
        ALTER TABLE users ADD COLUMN weight_source TEXT NULL;
        ALTER TABLE users ADD COLUMN updated_at INTEGER NULL;
        CREATE TABLE pending_authorizations (
            state TEXT PRIMARY KEY,
            provider TEXT NOT NULL,
            user_id TEXT NOT NULL,
            redirect_uri TEXT NOT NULL,
            code_verifier BLOB NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER NULL);
        CREATE INDEX pending_authorizations_user ON pending_authorizations (user_id);
        CREATE INDEX alert_states_user ON alert_states (user_id);
        CREATE TABLE store_meta (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL);
        """,
        """
        CREATE TABLE spool_replay_lease (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            holder TEXT NOT NULL,
            expires_at INTEGER NOT NULL);
        CREATE TABLE deferred_completions (
            user_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            records INTEGER NOT NULL,
            earliest INTEGER NULL,
            latest INTEGER NULL,
            PRIMARY KEY (user_id, provider));
        """,
        """
        CREATE TABLE programmes (
            user_id TEXT PRIMARY KEY,
            training_days TEXT NULL,
            training_time TEXT NULL,
            self_test_since INTEGER NULL,
            recheck_interval_days INTEGER NULL,
            protein_reminder_time TEXT NULL,
            protein_reminder_below REAL NULL,
            updated_at INTEGER NULL);
        CREATE TABLE reminder_occasions (
            user_id TEXT NOT NULL,
            reminder TEXT NOT NULL,
            occasion TEXT NOT NULL,
            outcome TEXT NOT NULL,
            decided_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, reminder, occasion));
        """,
        """
        CREATE TABLE token_refresh_leases (
            user_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            holder TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, provider));
        CREATE TABLE request_grants (
            scope TEXT NOT NULL,
            granted_at INTEGER NOT NULL);
        CREATE INDEX request_grants_scope ON request_grants (scope, granted_at);
        CREATE TABLE request_holds (
            scope TEXT PRIMARY KEY,
            hold_until INTEGER NOT NULL);
        CREATE TABLE push_subscriptions (
            user_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            token_hash BLOB NULL,
            confirmed_at INTEGER NULL,
            last_notification_at INTEGER NULL,
            PRIMARY KEY (user_id, provider));
        CREATE UNIQUE INDEX push_subscriptions_token ON push_subscriptions (provider, token_hash);
        ALTER TABLE users ADD COLUMN time_zone_provider TEXT NULL;
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    /// <summary>
    /// Applies the missing migrations in <paramref name="transaction"/> (an immediate one, so a second process opening
    /// the same file waits for the first and then finds the schema current) and returns the versions applied.
    /// </summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var version = await GetVersionAsync(connection, transaction, cancellationToken);
        if (version > CurrentVersion)
        {
            throw new StateStoreException(
                $"The state database has schema version {version}, newer than this program knows ({CurrentVersion}). Use a newer livermuscle-sync or another State:Path.");
        }

        if (version == 0 && await CountTablesAsync(connection, transaction, cancellationToken) > 0)
        {
            throw new StateStoreException(
                "The state database file holds tables of another program (a SQLite file without this program's schema version). Point State:Path at another file.");
        }

        var applied = new List<int>();
        for (var next = version + 1; next <= CurrentVersion; next++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[next - 1] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {next};");
            await command.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(next);
        }

        return applied;
    }

    private static async Task<int> CountTablesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table';";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<int> GetVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
