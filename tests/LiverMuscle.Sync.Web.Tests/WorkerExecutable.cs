using System.Diagnostics;
using System.Text;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>The real <c>livermuscle-sync</c> executable: one-shot verbs (with standard input) and a running <c>run</c> whose output is collected.</summary>
internal sealed class WorkerExecutable : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerExecutable(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static WorkerExecutable Start(DirectoryInfo directory, IDictionary<string, string> environment, params string[] args) => new(Launch(directory, environment, args));

    public static async Task<(int ExitCode, string Output)> RunAsync(DirectoryInfo directory, IDictionary<string, string> environment, string? input, params string[] args)
    {
        await using var worker = new WorkerExecutable(Launch(directory, environment, args));
        if (input is not null)
        {
            await worker._process.StandardInput.WriteLineAsync(input);
        }

        worker._process.StandardInput.Close();
        await worker._process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        worker._process.WaitForExit();
        return (worker._process.ExitCode, worker.Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    private static Process Launch(DirectoryInfo directory, IDictionary<string, string> environment, string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "src", "LiverMuscle.Sync.Worker", "bin", configuration, "net10.0", "livermuscle-sync.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
