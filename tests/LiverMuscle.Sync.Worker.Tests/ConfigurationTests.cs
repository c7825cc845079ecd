using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-worker-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Status_BadValueFromAFlag_StopsWithAMessageNamingTheKey()
    {
        var (exitCode, _, error) = await WorkerProcess.RunAsync(_directory.FullName, StateIn(_directory), "status", "--set", "InfluxDb:Url=not a url");

        Assert.Equal(2, exitCode);
        Assert.Contains("InfluxDb:Url must be an absolute http(s) URL, got 'not a url'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_BadValueFromTheEnvironment_StopsWithAMessageNamingTheKey()
    {
        var environment = StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__BatchSize"] = "0";

        var (exitCode, _, error) = await WorkerProcess.RunAsync(_directory.FullName, environment, "status");

        Assert.Equal(2, exitCode);
        Assert.Contains("InfluxDb:BatchSize must be between 1 and 100000, got 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_BadValueFromAppSettings_StopsWithAMessageNamingTheKey()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "appsettings.json"), """{ "State": { "EncryptionKey": "short" } }""");

        var (exitCode, _, error) = await WorkerProcess.RunAsync(_directory.FullName, StateIn(_directory), "status");

        Assert.Equal(2, exitCode);
        Assert.Contains("State:EncryptionKey must be base64 of exactly 32 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_WithoutEquals_IsAUsageError()
    {
        var (exitCode, _, error) = await WorkerProcess.RunAsync(_directory.FullName, StateIn(_directory), "status", "--set", "InfluxDb:Url");

        Assert.Equal(2, exitCode);
        Assert.Contains("--set expects KEY=VALUE", error, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> StateIn(DirectoryInfo directory) => new()
    {
        ["LIVERMUSCLE__State__Path"] = Path.Combine(directory.FullName, "state.db"),
    };
}
