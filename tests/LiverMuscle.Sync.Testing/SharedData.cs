namespace LiverMuscle.Sync.Testing;

/// <summary>Locates the reference data in <c>../shared</c> beside the repository (schemas, API specs).</summary>
public static class SharedData
{
    /// <summary>The repository root (where LiverMuscle.Sync.sln is).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static readonly Lazy<string> SharedRoot = new(Find);

    public static string Root => SharedRoot.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(shared)
            ? shared
            : throw new DirectoryNotFoundException($"Reference data not found at {shared} (expected ../shared beside the repository).");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiverMuscle.Sync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root (LiverMuscle.Sync.sln) not found above " + AppContext.BaseDirectory);
    }
}
