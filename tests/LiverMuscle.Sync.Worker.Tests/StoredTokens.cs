using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>The state file the executable uses, opened by the test the way another process would.</summary>
internal static class StoredTokens
{
    public static async Task<ProviderConnection?> GetAsync(DirectoryInfo directory, string userId, string provider)
    {
        await using var services = Open(directory);
        return await services.Get<ITokenStore>().GetAsync(userId, provider, CancellationToken.None);
    }

    /// <summary>Makes the stored access token look expired, so the next use refreshes it.</summary>
    public static async Task ExpireAsync(DirectoryInfo directory, string userId, string provider)
    {
        await using var services = Open(directory);
        var tokens = services.Get<ITokenStore>();
        var token = (await tokens.GetAsync(userId, provider, CancellationToken.None))!.Token!;
        await tokens.SaveTokenAsync(userId, provider, token with { AccessTokenExpiresAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
    }

    private static TestHost Open(DirectoryInfo directory) => TestHost.Build(new TestHostOptions { StateDirectory = directory.FullName });
}
