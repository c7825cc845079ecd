using System.Text.RegularExpressions;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// The runtime's environment variables the shipped worker starts with: the <c>ENV DOTNET_…</c> and
/// <c>ENV MALLOC_…</c> lines of <c>deploy/Dockerfile</c>, so the load benchmark measures the worker as it is deployed.
/// </summary>
internal static partial class ShippedWorkerEnvironment
{
    public static IReadOnlyDictionary<string, string> Read()
    {
        var dockerfile = Path.Combine(RepositoryRoot(), "deploy", "Dockerfile");
        return RuntimeVariable().Matches(File.ReadAllText(dockerfile))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LiverMuscle.Sync.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No LiverMuscle.Sync.sln above {AppContext.BaseDirectory}: run the benchmark from the repository's build output.");
    }

    [GeneratedRegex(@"^ENV (?<name>(DOTNET|MALLOC)_\w+)=(?<value>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RuntimeVariable();
}
