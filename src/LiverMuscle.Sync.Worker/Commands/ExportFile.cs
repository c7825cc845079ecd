using System.Globalization;
using LiverMuscle.Sync.People;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Worker.Cli;

namespace LiverMuscle.Sync.Worker.Commands;

/// <summary>Writes a person's export to a file readable by its owner only, whole or not at all.</summary>
internal static class ExportFile
{
    public static async Task<int> WriteAsync(string path, Func<Stream, Task<PersonExportManifest?>> export, string personId, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        PersonExportManifest? manifest;
        try
        {
            await using (var stream = new FileStream(partial, options))
            {
                manifest = await export(stream);
            }

            if (manifest is null)
            {
                File.Delete(partial);
                return await VerbOutput.FailAsync(ExitCodes.Usage, PersonRegistry.Unknown(personId));
            }

            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (InfluxFailure.Is(e, cancellationToken) && e is not IOException)
        {
            File.Delete(partial);
            return await VerbOutput.FailAsync(ExitCodes.Unavailable, $"InfluxDB could not be read for the export ({e.Message}); nothing was written.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            return await VerbOutput.FailAsync(ExitCodes.Failed, $"The export cannot be written to {path}: {e.Message}");
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exported {personId} to {path}: {manifest.Files.Count} files, {manifest.Files.Sum(f => f.Rows)} rows."));
        foreach (var file in manifest.Files)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.Name,-24} {file.Rows,7} rows  {file.Contents}"));
        }

        return ExitCodes.Ok;
    }
}
