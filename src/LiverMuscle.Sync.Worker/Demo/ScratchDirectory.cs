namespace LiverMuscle.Sync.Worker.Demo;

/// <summary>
/// Where the demo keeps what it deletes at the end (its InfluxDB and state store): in memory (<c>/dev/shm</c>) where
/// the machine has it, since fsyncs to a disk would only slow down data nobody keeps; else the temporary directory.
/// </summary>
internal static class ScratchDirectory
{
    private const string Memory = "/dev/shm";

    public static DirectoryInfo Create(string prefix)
    {
        if (OperatingSystem.IsLinux() && Directory.Exists(Memory))
        {
            try
            {
                return Directory.CreateDirectory(Path.Combine(Memory, prefix + Path.GetRandomFileName()), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to write: the temporary directory serves.
            }
        }

        return Directory.CreateTempSubdirectory(prefix);
    }
}
