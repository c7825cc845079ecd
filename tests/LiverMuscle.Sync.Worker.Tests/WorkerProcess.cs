using System.Diagnostics;
using System.Text;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>Runs the real <c>livermuscle-sync</c> executable with its own environment and working directory.</summary>
internal static class WorkerProcess
{
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(SharedData.RepositoryRoot, "src", "LiverMuscle.Sync.Worker", "bin", configuration, "net10.0", "livermuscle-sync.dll");
        }
    }

    public static Process Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        Start(workingDirectory, environment, input: false, args);

    /// <summary>Like <see cref="Start(string, IDictionary{string, string}?, string[])"/>, with stdin for the test to write.</summary>
    public static Process StartWithInput(string workingDirectory, params string[] args) => Start(workingDirectory, null, input: true, args);

    public static Process StartWithInput(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        Start(workingDirectory, environment, input: true, args);

    private static Process Start(string workingDirectory, IDictionary<string, string>? environment, bool input, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"livermuscle-sync {string.Join(' ', args)} did not exit within a minute; it wrote:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
