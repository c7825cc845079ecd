using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Section <c>State</c>: where the SQLite state store lives and how its secrets are encrypted.</summary>
internal sealed class SqliteStateOptions
{
    /// <summary>
    /// The database file. Default: <c>$XDG_DATA_HOME/livermuscle/state.db</c>, else
    /// <c>~/.local/share/livermuscle/state.db</c>.
    /// </summary>
    [RequiredSetting(Expectation = "must name the SQLite database file.")]
    public string Path { get; set; } = DefaultPath();

    /// <summary>Base64 of a 32-byte key. When absent the key is read from (or generated into) <see cref="KeyFile"/>.</summary>
    [EncryptionKey]
    public string? EncryptionKey { get; set; }

    /// <summary>The key file, created with mode 0600. Default: <c>state.key</c> beside the database.</summary>
    public string? KeyFile { get; set; }

    /// <summary>How long a writer waits for another one holding the database lock. Default 5 s.</summary>
    [DurationRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string ResolvedKeyFile => KeyFile ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".", "state.key");

    public override string ToString() => $"SqliteStateOptions {{ Path = {Path}, KeyFile = {ResolvedKeyFile}, EncryptionKey = {(EncryptionKey is null ? "(none)" : "***")} }}";

    private static string DefaultPath()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
        {
            dataHome = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return System.IO.Path.Combine(dataHome, "livermuscle", "state.db");
    }
}
