namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// Keeps the state files private: their directory is created 0700, the database 0600 before SQLite opens it (its
/// -wal and -shm files take the same mode), and a state file others may read, or its owner may not, is refused
/// with the <c>chmod</c> to run.
/// </summary>
internal static class StateFileGuard
{
    private const UnixFileMode OthersMayAccess =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Checks the database and its -wal and -shm files, and creates the database file 0600 when missing.</summary>
    public static void PrepareDatabase(string path)
    {
        if (Directory.Exists(path))
        {
            throw new StateStoreException($"State:Path {path} is a directory, not a database file; point State:Path at a file, e.g. {Path.Combine(path, "state.db")}.");
        }

        EnsureDirectory(Path.GetDirectoryName(path)!, "State:Path");
        RequirePrivate([path, path + "-wal", path + "-shm"], "State:Path");
        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            using var created = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"The state database {path} cannot be created ({e.Message}); check the rights of its directory (State:Path).", e);
        }
    }

    /// <summary>Creates a missing directory and its missing parents with mode 0700.</summary>
    public static void EnsureDirectory(string directory, string key)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                // Each missing level, so the parents created are private too.
                EnsureDirectory(Path.GetDirectoryName(directory)!, key);
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"The state directory {directory} cannot be created ({e.Message}); create it with mode 0700 or change {key}.", e);
        }
    }

    /// <summary>Refuses existing files that others may read or write, or that their owner may not read and write.</summary>
    public static void RequirePrivate(IEnumerable<string> files, string key)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var existing = new List<(string Path, UnixFileMode Mode)>();
        foreach (var file in files.Where(File.Exists))
        {
            existing.Add((file, File.GetUnixFileMode(file)));
        }

        var shared = existing.Where(f => (f.Mode & OthersMayAccess) != 0).ToList();
        if (shared.Count > 0)
        {
            throw new StateStoreException(
                $"{Describe(shared)} can be read by other users; run 'chmod 600 {string.Join(' ', shared.Select(f => f.Path))}' ({key}).");
        }

        var locked = existing.Where(f => (f.Mode & OwnerReadWrite) != OwnerReadWrite).ToList();
        if (locked.Count > 0)
        {
            throw new StateStoreException(
                $"{Describe(locked)} cannot be read and written by its owner; run 'chmod 600 {string.Join(' ', locked.Select(f => f.Path))}' as that owner ({key}).");
        }
    }

    private static string Describe(List<(string Path, UnixFileMode Mode)> files) =>
        (files.Count == 1 ? "The state file " : "The state files ") +
        string.Join(", ", files.Select(f => $"{f.Path} (mode {Convert.ToString((int)f.Mode, 8).PadLeft(4, '0')})"));
}
