using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class TokenEncryptionTests
{
    private const string AccessToken = "ya29.access-TOKEN-1234567890abcdef";
    private const string RefreshToken = "1//refresh-TOKEN-fedcba0987654321";

    [Fact]
    public async Task SaveTokenAsync_TokensAreNotReadableInTheDatabaseFiles()
    {
        using var directory = new TempDirectory();
        using (var state = new StateHarness(directory.Path))
        {
            await state.Get<ITokenStore>().SaveTokenAsync("alice", "withings", Token(), CancellationToken.None);
            await state.Get<IKeyValueStore>().SetAsync("withings/pkce/alice", RefreshToken, secret: true, CancellationToken.None);

            var stored = await state.Get<ITokenStore>().GetAsync("alice", "withings", CancellationToken.None);
            Assert.Equal(AccessToken, stored!.Token!.AccessToken);
            Assert.Equal(RefreshToken, stored.Token.RefreshToken);
            Assert.Equal(RefreshToken, await state.Get<IKeyValueStore>().GetAsync("withings/pkce/alice", CancellationToken.None));
            AssertNoSecretIn(directory.Path);
        }

        SqliteConnection.ClearAllPools();
        AssertNoSecretIn(directory.Path);
    }

    [Fact]
    public async Task GetAsync_WithAnotherKey_FailsWithAMessageNamingTheSetting()
    {
        using var directory = new TempDirectory();
        using (var state = new StateHarness(directory.Path, new Dictionary<string, string?> { ["State:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }))
        {
            await state.Get<ITokenStore>().SaveTokenAsync("alice", "withings", Token(), CancellationToken.None);
        }

        using var other = new StateHarness(directory.Path, new Dictionary<string, string?> { ["State:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        var error = await Assert.ThrowsAsync<StateStoreException>(() => other.Get<ITokenStore>().GetAsync("alice", "withings", CancellationToken.None));
        Assert.Contains("State:EncryptionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyFile_IsGeneratedWithOwnerOnlyRights_AndReused()
    {
        using var directory = new TempDirectory();
        using (var state = new StateHarness(directory.Path))
        {
            await state.Get<ITokenStore>().SaveTokenAsync("alice", "fitbit", Token(), CancellationToken.None);
        }

        var keyFile = Path.Combine(directory.Path, "state.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        using var reopened = new StateHarness(directory.Path);
        Assert.Equal(AccessToken, (await reopened.Get<ITokenStore>().GetAsync("alice", "fitbit", CancellationToken.None))!.Token!.AccessToken);
    }

    [Fact]
    public async Task KeyFile_ReadableByOthers_IsRefused()
    {
        using var directory = new TempDirectory();
        var keyFile = Path.Combine(directory.Path, "state.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        using var state = new StateHarness(directory.Path);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => state.Get<ITokenStore>().SaveTokenAsync("alice", "fitbit", Token(), CancellationToken.None));

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenStore_NeverLogsTokens()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var tokens = state.Get<ITokenStore>();

        await tokens.SaveTokenAsync("alice", "withings", Token(), CancellationToken.None);
        await tokens.SetStatusAsync("alice", "withings", ConnectionStatus.NeedsReauthorization, "invalid refresh_token", CancellationToken.None);
        var connection = await tokens.GetAsync("alice", "withings", CancellationToken.None);

        Assert.NotEmpty(state.Logs.GetSnapshot());
        Assert.DoesNotContain(state.Logs.GetSnapshot(), r => r.Message.Contains(AccessToken, StringComparison.Ordinal) || r.Message.Contains(RefreshToken, StringComparison.Ordinal));
        Assert.DoesNotContain(AccessToken, connection!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken, connection.Token!.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConnectionStatus.NeedsReauthorization, connection.Status);
    }

    private static OAuthToken Token() => new(AccessToken, RefreshToken, new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero), "user.metrics", "37891234");

    private static void AssertNoSecretIn(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "state.db*"))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in new[] { AccessToken, RefreshToken })
            {
                foreach (var encoded in new[] { Encoding.UTF8.GetBytes(secret), Encoding.Unicode.GetBytes(secret), Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))), Encoding.UTF8.GetBytes(secret[..12]) })
                {
                    Assert.True(bytes.AsSpan().IndexOf(encoded) < 0, $"{Path.GetFileName(file)} contains a token in clear");
                }
            }
        }
    }
}
