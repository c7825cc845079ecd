using System.Text;
using Xunit;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary><c>console set-password</c> through the real executable.</summary>
public sealed class SetPasswordCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-password-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    private Dictionary<string, string> Environment => new() { ["LIVERMUSCLE__State__Path"] = Path.Combine(_directory.FullName, "state.db") };

    [Fact]
    public async Task SetPassword_FromStandardInput_StoresItOnlyAsAHash()
    {
        var (exitCode, output) = await WorkerExecutable.RunAsync(_directory, Environment, ConsoleFlows.Password, "console", "set-password");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Console password set", output, StringComparison.Ordinal);
        var stored = _directory.GetFiles("state.db*").SelectMany(f => File.ReadAllBytes(f.FullName)).ToArray();
        Assert.True(stored.Length > 0);
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(ConsoleFlows.Password)));
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("horse")));
    }

    [Fact]
    public async Task SetPassword_TooShort_IsAUsageError()
    {
        var (exitCode, output) = await WorkerExecutable.RunAsync(_directory, Environment, "short", "console", "set-password");

        Assert.Equal(2, exitCode);
        Assert.Equal("The password must have at least 12 characters.", output.Trim());
    }

    [Fact]
    public async Task SetPassword_GivenAsAnArgument_IsRefused()
    {
        var (exitCode, output) = await WorkerExecutable.RunAsync(_directory, Environment, null, "console", "set-password", ConsoleFlows.Password);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unrecognized command or argument", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory.FullName, "state.db")));
    }
}
