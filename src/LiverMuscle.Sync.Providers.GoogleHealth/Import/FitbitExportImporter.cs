using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// Opens a Fitbit data export (Google Takeout <c>Global Export Data</c> and its 2026 CSV folders, or a fitbit.com
/// archive), as a folder or as the <c>.zip</c> it came in, as a source for the sync runner. Points get the same
/// identity as the API's (source fitbit, session start or weigh-in time, the same kind mapping, no device tag), so
/// importing and syncing the same period never counts anything twice.
/// </summary>
public sealed class FitbitExportImporter(IUserStore users, IPersonStore people, IOptions<FitbitOptions> options, ILogger<FitbitExportImporter> logger)
{
    public FitbitExportSource Open(string path) => Open(path, ExportArchiveLimits.Default);

    /// <summary>A folder, or a zip file unpacked within <paramref name="limits"/> (<see cref="ExportArchiveException"/> when it cannot be).</summary>
    public FitbitExportSource Open(string path, ExportArchiveLimits limits)
    {
        if (Directory.Exists(path))
        {
            return new FitbitExportSource(path, null, users, people, options.Value, logger);
        }

        if (!File.Exists(path))
        {
            throw new DirectoryNotFoundException($"The Fitbit export folder '{path}' does not exist. Give the export's folder or its .zip file.");
        }

        using var zip = File.OpenRead(path);
        return OpenArchive(zip, Path.GetFileName(path), limits);
    }

    /// <summary>A zipped export given as a seekable stream (an upload), unpacked within <paramref name="limits"/>.</summary>
    public FitbitExportSource OpenArchive(Stream zip, string name, ExportArchiveLimits limits)
    {
        var archive = ExportArchive.Extract(zip, name, limits);
        return new FitbitExportSource(archive.Root.FullName, archive, users, people, options.Value, logger);
    }
}
