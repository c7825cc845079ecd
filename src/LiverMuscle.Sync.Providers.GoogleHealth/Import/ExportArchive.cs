using System.IO.Compression;
using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// Unpacks the files an import reads from a zipped export into a private temporary folder (mode 0700), removed when
/// the import is disposed. An entry whose name leaves that folder (an absolute path, <c>..</c>) or repeats another is
/// reported and skipped; a file or the whole past <see cref="ExportArchiveLimits"/> stops the import.
/// </summary>
internal sealed class ExportArchive : IDisposable
{
    private ExportArchive(DirectoryInfo root, IReadOnlyList<RecordError> errors)
    {
        Root = root;
        Errors = errors;
    }

    public DirectoryInfo Root { get; }

    /// <summary>Entries that were refused, by name.</summary>
    public IReadOnlyList<RecordError> Errors { get; }

    public static ExportArchive Extract(Stream zip, string name, ExportArchiveLimits limits)
    {
        var root = Directory.CreateTempSubdirectory("livermuscle-export-");
        try
        {
            return new ExportArchive(root, Unpack(zip, name, root.FullName, limits));
        }
        catch
        {
            root.Delete(recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        if (Root.Exists)
        {
            Root.Delete(recursive: true);
        }
    }

    private static List<RecordError> Unpack(Stream zip, string name, string root, ExportArchiveLimits limits)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ExportArchiveException($"'{name}' is not a zip archive ({e.Message}); give the export's .zip or the folder it unpacks to.", e);
        }

        using (archive)
        {
            if (archive.Entries.Count > limits.MaxEntries)
            {
                throw new ExportArchiveException($"'{name}' has {archive.Entries.Count} entries, more than the {limits.MaxEntries} an export may have; nothing was imported.");
            }

            var errors = new List<RecordError>();
            var total = 0L;
            foreach (var entry in archive.Entries.Where(e => e.Name.Length > 0 && ExportFiles.KindOf(e.FullName) != ExportFileKind.None))
            {
                if (Target(root, entry.FullName) is not { } target)
                {
                    errors.Add(new RecordError(entry.FullName, "its path leaves the export (absolute or with '..'); skipped"));
                    continue;
                }

                if (File.Exists(target))
                {
                    errors.Add(new RecordError(entry.FullName, "appears twice in the archive; the first one was read"));
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    total += Copy(entry, target, name, limits, limits.MaxTotalBytes - total);
                }
                catch (InvalidDataException e)
                {
                    File.Delete(target);
                    errors.Add(new RecordError(entry.FullName, $"cannot be unpacked ({e.Message}); skipped"));
                }
            }

            return errors;
        }
    }

    /// <summary>Where <paramref name="entryName"/> goes below <paramref name="root"/>; null when it would land elsewhere.</summary>
    private static string? Target(string root, string entryName)
    {
        var relative = entryName.Replace('\\', '/');
        if (relative.StartsWith('/') || relative.Contains(':', StringComparison.Ordinal) || relative.Split('/').Any(part => part is ".." or "."))
        {
            return null;
        }

        var target = Path.GetFullPath(Path.Combine(root, relative));
        return target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? target : null;
    }

    private static long Copy(ZipArchiveEntry entry, string target, string name, ExportArchiveLimits limits, long totalLeft)
    {
        var allowed = Math.Min(limits.MaxFileBytes, totalLeft);
        using var input = entry.Open();
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            written += read;
            if (written > allowed)
            {
                throw new ExportArchiveException(written > limits.MaxFileBytes
                    ? $"'{entry.FullName}' in '{name}' unpacks to more than {Size(limits.MaxFileBytes)}, more than a file of an export holds; nothing was imported."
                    : $"The files to read in '{name}' unpack to more than {Size(limits.MaxTotalBytes)}; nothing was imported.");
            }

            output.Write(buffer, 0, read);
        }

        return written;
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";
}
