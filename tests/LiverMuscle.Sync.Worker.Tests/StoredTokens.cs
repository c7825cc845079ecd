using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>The state file the executable uses, opened by the test the way another process would.</summary>
internal static class StoredTokens
{
    public static async Task<ProviderConnection?> GetAsync(DirectoryInfo directory, string userId, string provider)
    {
        await using var services = Open(directory);
        return await services.GetRequiredService<ITokenStore>().GetAsync(userId, provider, CancellationToken.None);
    }

    /// <summary>Makes the stored access token look expired, so the next use refreshes it.</summary>
    public static async Task ExpireAsync(DirectoryInfo directory, string userId, string provider)
    {
        await using var services = Open(directory);
        var tokens = services.GetRequiredService<ITokenStore>();
        var token = (await tokens.GetAsync(userId, provider, CancellationToken.None))!.Token!;
        await tokens.SaveTokenAsync(userId, provider, token with { AccessTokenExpiresAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
    }

    private static ServiceProvider Open(DirectoryInfo directory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["State:Path"] = Path.Combine(directory.FullName, "state.db") }).Build();
        return new ServiceCollection().AddLogging().AddSqliteStateStore(configuration.GetSection("State")).BuildServiceProvider();
    }
}
