using Microsoft.Data.Sqlite;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task Open_EmptyFile_MigratesOnceAndReopensWithoutChange()
    {
        using var directory = new TempDirectory();
        using (var state = new StateHarness(directory.Path))
        {
            await state.Get<IUserStore>().UpsertAsync(new UserRecord("alice", "Europe/Berlin", state.Time.GetUtcNow()), CancellationToken.None);
            Assert.Single(state.Logs.GetSnapshot(), r => r.Message.Contains("migrated to version 1 ", StringComparison.Ordinal));
            Assert.Single(state.Logs.GetSnapshot(), r => r.Message.Contains("migrated to version 2 ", StringComparison.Ordinal));
            Assert.Single(state.Logs.GetSnapshot(), r => r.Message.Contains("migrated to version 3 ", StringComparison.Ordinal));
            Assert.Single(state.Logs.GetSnapshot(), r => r.Message.Contains("migrated to version 4 ", StringComparison.Ordinal));
            Assert.Single(state.Logs.GetSnapshot(), r => r.Message.Contains("migrated to version 5 ", StringComparison.Ordinal));
        }

        using var reopened = new StateHarness(directory.Path);
        Assert.Equal("Europe/Berlin", (await reopened.Get<IUserStore>().GetAsync("alice", CancellationToken.None))!.TimeZone);
        Assert.DoesNotContain(reopened.Logs.GetSnapshot(), r => r.Message.Contains("migrated", StringComparison.Ordinal));
        Assert.Equal(5L, await ScalarAsync(directory.Path, "PRAGMA user_version"));
        Assert.Equal("wal", await ScalarAsync(directory.Path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task FreshFile_OpenedByTwoProcessesAtOnce_IsMigratedOnce_AndBothUseOneKey()
    {
        for (var trial = 0; trial < 200; trial++)
        {
            using var directory = new TempDirectory();
            using var run = new StateHarness(directory.Path);
            using var cli = new StateHarness(directory.Path);
            var first = new OAuthToken("access-run", "refresh-run", DateTimeOffset.UnixEpoch.AddDays(1), "user.metrics", "1");
            var second = new OAuthToken("access-cli", "refresh-cli", DateTimeOffset.UnixEpoch.AddDays(1), "user.metrics", "2");

            await Task.WhenAll(
                Task.Run(() => run.Get<ITokenStore>().SaveTokenAsync("ann", "withings", first, CancellationToken.None)),
                Task.Run(() => cli.Get<ITokenStore>().SaveTokenAsync("bob", "withings", second, CancellationToken.None)));

            using var reopened = new StateHarness(directory.Path);
            var tokens = await reopened.Get<ITokenStore>().ListAsync(CancellationToken.None);
            Assert.Equal(["access-run", "access-cli"], tokens.OrderBy(t => t.UserId, StringComparer.Ordinal).Select(t => t.Token!.AccessToken));
            Assert.Equal(5L, await ScalarAsync(directory.Path, "PRAGMA user_version"));
            Assert.Single(Directory.GetFiles(directory.Path, "state.key*"));
        }
    }

    [Fact]
    public async Task Open_DatabaseFromANewerVersion_IsRefusedClearly()
    {
        using var directory = new TempDirectory();
        await ScalarAsync(directory.Path, "PRAGMA user_version = 99");
        File.SetUnixFileMode(Path.Combine(directory.Path, "state.db"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<object?> ScalarAsync(string directory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "state.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
