using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>A person id in a configuration seed or a rule is checked at start like any other setting.</summary>
public sealed class PersonIdSeedTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-seed-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("Markers:Users:Bob:HeightM=1.70", "Markers:Users:Bob: 'Bob' is not a valid person id")]
    [InlineData("Adherence:Users:bob.smith:SessionsPerWeek=2", "Adherence:Users:bob.smith: 'bob.smith' is not a valid person id")]
    [InlineData("Alerts:Rules:0:Users:0=bob smith", "Alerts:Rules:0:Users:0: 'bob smith' is not a valid person id")]
    public async Task ASeedOrRuleNamingAnIdThatIsNoSlug_StopsTheProgramNamingTheKey(string setting, string expected)
    {
        var (exitCode, _, error) = await WorkerProcess.RunAsync(_directory.FullName, ConfigurationTests.StateIn(_directory), "people", "list", "--set", setting);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory.FullName, "state.db")), "nothing is written before the configuration is valid");
    }
}
