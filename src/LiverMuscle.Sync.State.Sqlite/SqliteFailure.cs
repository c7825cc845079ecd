using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Turns SQLite's failures to use the state file into one line saying what is wrong and what to do.</summary>
internal static class SqliteFailure
{
    private const int Corrupt = 11;
    private const int NotADatabase = 26;
    private const int CannotOpen = 14;
    private const int ReadOnly = 8;
    private const int Permission = 3;
    private const int IoError = 10;
    private const int Full = 13;

    public static StateStoreException Describe(SqliteException e, string path) => new((e.SqliteErrorCode & 0xFF) switch
    {
        NotADatabase => $"The state database {path} is not a SQLite database (a foreign, encrypted or overwritten file): restore it from a backup or point State:Path at another file.",
        Corrupt => Damaged(path, e.Message),
        CannotOpen => $"The state database {path} cannot be opened: check that this user may read and write it and its directory (State:Path).",
        ReadOnly or Permission => $"The state database {path} cannot be written: check its owner and run 'chmod 600 {path}' (State:Path).",
        IoError => $"The state database {path} cannot be read or written ({e.Message}): check the disk and the file (State:Path).",
        Full => $"The disk holding the state database {path} is full: free some space.",
        _ => $"The state database {path} cannot be used: {e.Message} (State:Path).",
    }, e);

    public static string Damaged(string path, string detail) =>
        $"The state database {path} is damaged ({detail}): restore it from a backup, or move it away to start a new state store (every person then authorises again).";
}
