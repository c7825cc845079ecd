namespace LiverMuscle.Sync.State.Sqlite.Tests;

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("livermuscle-state-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
