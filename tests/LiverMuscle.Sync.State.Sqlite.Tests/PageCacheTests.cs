using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class PageCacheTests
{
    private const int SqliteDbStatusCacheUsed = 1;

    [Fact]
    public async Task Connection_ReadingAFileLargerThanItsCache_HoldsNoMoreThanThePageCacheLimit()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var database = state.Get<SqliteDatabase>();
        await using (var writer = await database.OpenAsync(CancellationToken.None))
        {
            await ExecuteAsync(writer, "CREATE TABLE filler (payload BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT randomblob(4000) FROM n;");
        }

        // A second connection as well as the pooled first one: every connection the store hands out has the limit.
        await using var first = await database.OpenAsync(CancellationToken.None);
        await using var second = await database.OpenAsync(CancellationToken.None);
        foreach (var connection in new[] { first, second })
        {
            Assert.Equal(-SqliteDatabase.PageCacheKiB, Convert.ToInt64(await ScalarAsync(connection, "PRAGMA cache_size"), CultureInfo.InvariantCulture));
            Assert.Equal(2000L, await ScalarAsync(connection, "SELECT count(*) FROM filler WHERE length(payload) = 4000"));
            Assert.InRange(CacheUsedBytes(connection), 1, (SqliteDatabase.PageCacheKiB + 64) * 1024);
        }
    }

    private static int CacheUsedBytes(SqliteConnection connection)
    {
        Assert.Equal(0, SQLitePCL.raw.sqlite3_db_status(connection.Handle, SqliteDbStatusCacheUsed, out var current, out _, 0));
        return current;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
