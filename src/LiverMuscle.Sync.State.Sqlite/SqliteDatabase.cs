using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// Opens connections to the state database (WAL with <c>synchronous = NORMAL</c>, busy timeout, a bounded page
/// cache). A commit survives a crash of the process; a power cut may undo the latest commits, always a suffix of them
/// (the WAL's checksums chain its frames), so a lost cursor advance only re-reads, and a lost spool entry goes with the
/// cursor advance after it.
/// On first use it checks the files are private, creates them 0600 in a 0700 directory, checks the file is an intact database of this program opened
/// with its key, and migrates the schema, so a CLI verb gets a ready store without running the host. Every way the
/// store cannot be used is one <see cref="StateStoreException"/>.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    /// <summary>
    /// The page cache of each connection, in KiB (SQLite's default is 2,000). The pool keeps a connection per
    /// concurrent user of the store, each caching up to this much of the file; pages it drops are read again from the
    /// operating system's file cache.
    /// </summary>
    public const int PageCacheKiB = 512;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly SecretProtector _protector;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private volatile bool _migrated;

    public SqliteDatabase(IOptions<SqliteStateOptions> options, SecretProtector protector, ILogger<SqliteDatabase> logger)
    {
        FilePath = Path.GetFullPath(options.Value.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds),
        }.ToString();
        _busyTimeoutMs = (int)options.Value.BusyTimeout.TotalMilliseconds;
        _protector = protector;
        _logger = logger;
    }

    public string FilePath { get; }

    public void Dispose() => _migrationLock.Dispose();

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await PrepareAsync(cancellationToken);
        }

        try
        {
            return await OpenRawAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw SqliteFailure.Describe(e, FilePath);
        }
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -{PageCacheKiB};");
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await _migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            StateFileGuard.PrepareDatabase(FilePath);
            await using var connection = await OpenRawAsync(cancellationToken);
            await CheckIntegrityAsync(connection, cancellationToken);
            IReadOnlyList<int> applied;
            // Under the write lock: a second process opening a fresh file at once waits here, then finds the key the
            // first one created and the schema current. Migrating checks the file is this program's before writing.
            await using (var transaction = connection.BeginTransaction(deferred: false))
            {
                _protector.EnsureKey();
                applied = await SqliteSchema.MigrateAsync(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            foreach (var version in applied)
            {
                Log.MigrationApplied(_logger, version, FilePath);
            }

            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            await StateKeyCheck.VerifyAsync(connection, _protector, cancellationToken);
            _migrated = true;
        }
        catch (SqliteException e)
        {
            throw SqliteFailure.Describe(e, FilePath);
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    private async Task CheckIntegrityAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check(1);";
        if (await check.ExecuteScalarAsync(cancellationToken) is string result && result != "ok")
        {
            throw new StateStoreException(SqliteFailure.Damaged(FilePath, result));
        }
    }
}
