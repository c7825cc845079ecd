using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

/// <summary>Every way the state files can be unusable ends in one <see cref="StateStoreException"/> saying what to do.</summary>
public sealed class StateFileProblemsTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task FreshStart_CreatesTheDirectory0700_AndTheDatabaseWalShmAndKey0600()
    {
        using var directory = new TempDirectory();
        var stateDirectory = Path.Combine(directory.Path, "data", "livermuscle");
        using var state = new StateHarness(stateDirectory);

        await state.Get<ITokenStore>().SaveTokenAsync("alice", "withings", Token(), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(stateDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(stateDirectory)!));
        foreach (var file in new[] { "state.db", "state.db-wal", "state.db-shm", "state.key" })
        {
            Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(stateDirectory, file)));
        }
    }

    [Theory]
    [InlineData("state.db", UnixFileMode.OtherRead)]
    [InlineData("state.db", UnixFileMode.GroupRead)]
    [InlineData("state.db-wal", UnixFileMode.OtherRead)]
    [InlineData("state.db-shm", UnixFileMode.GroupRead)]
    public async Task StateFileOthersCanRead_IsRefusedWithTheChmodToRun(string file, UnixFileMode extra)
    {
        using var directory = new TempDirectory();
        await CreateStoreAsync(directory.Path);
        var path = Path.Combine(directory.Path, file);
        if (!File.Exists(path))
        {
            await File.WriteAllBytesAsync(path, []);
        }

        File.SetUnixFileMode(path, Private | extra);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.Contains($"The state file {path} (mode 06", error.Message, StringComparison.Ordinal);
        Assert.Contains($"can be read by other users; run 'chmod 600 {path}' (State:Path).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseItsOwnerCannotRead_IsRefusedWithTheChmodToRun()
    {
        using var directory = new TempDirectory();
        await CreateStoreAsync(directory.Path);
        var path = Path.Combine(directory.Path, "state.db");
        File.SetUnixFileMode(path, UnixFileMode.UserWrite);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.Equal($"The state file {path} (mode 0200) cannot be read and written by its owner; run 'chmod 600 {path}' as that owner (State:Path).", error.Message);
    }

    [Fact]
    public async Task DatabaseThatIsNotSqlite_IsRefused()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "state.db");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("these are someone's notes, not a database. ", 200)));
        File.SetUnixFileMode(path, Private);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.StartsWith($"The state database {path} is not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore it from a backup or point State:Path at another file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedDatabase_IsRefusedAsDamaged()
    {
        using var directory = new TempDirectory();
        using (var state = new StateHarness(directory.Path))
        {
            var cursors = state.Get<ISyncCursorStore>();
            for (var i = 0; i < 400; i++)
            {
                await cursors.SetAsync(new SyncCursor($"user-{i}", "withings", "body_composition", new string('x', 200), state.Time.GetUtcNow()), CancellationToken.None);
            }
        }

        SqliteConnection.ClearAllPools();
        var path = Path.Combine(directory.Path, "state.db");
        Assert.False(File.Exists(path + "-wal"), "closing the last connection checkpoints the WAL into the file");
        await using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length / 3);
        }

        using var reopened = new StateHarness(directory.Path);
        var error = await Assert.ThrowsAsync<StateStoreException>(() => reopened.Get<ISyncCursorStore>().ListAsync(null, CancellationToken.None));

        Assert.StartsWith($"The state database {path} is damaged (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("restore it from a backup, or move it away to start a new state store (every person then authorises again).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryInPlaceOfTheDatabase_IsRefused()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "state.db");
        Directory.CreateDirectory(path);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.Equal($"State:Path {path} is a directory, not a database file; point State:Path at a file, e.g. {Path.Combine(path, "state.db")}.", error.Message);
    }

    [Fact]
    public async Task SqliteFileOfAnotherProgram_IsRefused()
    {
        using var directory = new TempDirectory();
        await SchemaMigrationTests.ScalarAsync(directory.Path, "CREATE TABLE recipes (name TEXT)");
        File.SetUnixFileMode(Path.Combine(directory.Path, "state.db"), Private);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.Contains("holds tables of another program", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "is empty. Restore the key the state store was created with")]
    [InlineData("not base64 at all!", "does not hold base64 of exactly 32 bytes")]
    [InlineData("c2hvcnQga2V5IG9mIDE2IGI=", "does not hold base64 of exactly 32 bytes")]
    public async Task KeyFileThatIsNoKey_IsRefused(string content, string expected)
    {
        using var directory = new TempDirectory();
        var keyFile = Path.Combine(directory.Path, "state.key");
        await File.WriteAllTextAsync(keyFile, content);
        File.SetUnixFileMode(keyFile, Private);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.StartsWith($"The key file {keyFile} {expected}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(State:KeyFile).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyFileOthersCanRead_IsRefusedBeforeAnyUse()
    {
        using var directory = new TempDirectory();
        await CreateStoreAsync(directory.Path);
        var keyFile = Path.Combine(directory.Path, "state.key");
        File.SetUnixFileMode(keyFile, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.Equal($"The state file {keyFile} (mode 0644) can be read by other users; run 'chmod 600 {keyFile}' (State:KeyFile).", error.Message);
    }

    [Fact]
    public async Task AnotherKeyFile_IsRefusedAtOpen_EvenForAVerbThatReadsNoSecret()
    {
        using var directory = new TempDirectory();
        await CreateStoreAsync(directory.Path);
        var keyFile = Path.Combine(directory.Path, "state.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.StartsWith($"The state store's secrets were encrypted with another key than the key file {keyFile} (State:KeyFile): restore the original key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherKey_OnAStoreWithoutTheKeyCheck_IsFoundOnAStoredToken()
    {
        using var directory = new TempDirectory();
        await CreateStoreAsync(directory.Path);
        await SchemaMigrationTests.ScalarAsync(directory.Path, "DELETE FROM store_meta");
        SqliteConnection.ClearAllPools();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var state = new StateHarness(directory.Path, new Dictionary<string, string?> { ["State:EncryptionKey"] = key });

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<IUserStore>().ListAsync(CancellationToken.None));

        Assert.StartsWith("The state store's secrets were encrypted with another key than State:EncryptionKey", error.Message, StringComparison.Ordinal);
    }

    private static async Task CreateStoreAsync(string directory)
    {
        using (var state = new StateHarness(directory))
        {
            await state.Get<ITokenStore>().SaveTokenAsync("alice", "withings", Token(), CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
    }

    private static OAuthToken Token() => new("access", "refresh", new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero), "user.metrics", "37891234");
}
