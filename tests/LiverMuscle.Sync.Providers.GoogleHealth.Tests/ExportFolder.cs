using System.IO.Compression;
using System.Text;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>A Fitbit export written file by file in a temporary folder, and zipped when asked.</summary>
internal sealed class ExportFolder : IDisposable
{
    public DirectoryInfo Root { get; } = Directory.CreateTempSubdirectory("fitbit-export-test-");

    public ExportFolder Write(string relativePath, string content)
    {
        var file = System.IO.Path.Combine(Root.FullName, "export", relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return this;
    }

    /// <summary>The export folder (what a Takeout unpacks to).</summary>
    public string Folder => System.IO.Path.Combine(Root.FullName, "export");

    /// <summary>The export as the .zip a download gives, with extra raw entries (names as given, nothing checked).</summary>
    public string Zip(params (string Name, string Content)[] extra)
    {
        var zip = System.IO.Path.Combine(Root.FullName, "takeout.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
            {
                archive.CreateEntryFromFile(file, System.IO.Path.GetRelativePath(Folder, file).Replace('\\', '/'));
            }

            foreach (var (name, content) in extra)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return zip;
    }

    public void Dispose() => Root.Delete(recursive: true);
}
