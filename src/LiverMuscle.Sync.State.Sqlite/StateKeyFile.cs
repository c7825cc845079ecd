using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Reads the state key (configured, or from the key file), or generates the key file with mode 0600 in a 0700 directory.</summary>
internal static class StateKeyFile
{
    private const int KeySize = 32;

    public static byte[] Load(SqliteStateOptions options, ILogger logger)
    {
        if (options.EncryptionKey is { } configured)
        {
            return Decode(configured) ?? throw new StateStoreException("State:EncryptionKey must be base64 of exactly 32 bytes (e.g. 'openssl rand -base64 32').");
        }

        var path = Path.GetFullPath(options.ResolvedKeyFile);
        if (Directory.Exists(path))
        {
            throw new StateStoreException($"The key file {path} is a directory; remove it or point State:KeyFile at a file.");
        }

        return File.Exists(path) ? Read(path) : Generate(path, options, logger);
    }

    private static byte[] Read(string path)
    {
        StateFileGuard.RequirePrivate([path], "State:KeyFile");
        var text = ReadText(path);
        if (text.Length == 0)
        {
            // Another process may have created the file a moment ago and not written the key yet.
            SpinWait.SpinUntil(() => (text = ReadText(path)).Length > 0, TimeSpan.FromSeconds(2));
        }

        if (text.Length == 0)
        {
            throw new StateStoreException($"The key file {path} is empty. Restore the key the state store was created with, or move the state store away to start anew (State:KeyFile).");
        }

        return Decode(text) ?? throw new StateStoreException(
            $"The key file {path} does not hold base64 of exactly 32 bytes. Restore the key the state store was created with (State:KeyFile).");
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"The key file {path} cannot be read ({e.Message}); check its owner and run 'chmod 600 {path}' (State:KeyFile).", e);
        }
    }

    private static byte[] Generate(string path, SqliteStateOptions options, ILogger logger)
    {
        StateFileGuard.EnsureDirectory(Path.GetDirectoryName(path)!, "State:KeyFile");
        var generated = RandomNumberGenerator.GetBytes(KeySize);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, fileOptions);
            writer.Write(Convert.ToBase64String(generated));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the key first: use that one.
            return Load(options, logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"The key file {path} cannot be created ({e.Message}); check the rights of its directory (State:KeyFile).", e);
        }

        Log.KeyFileGenerated(logger, path);
        return generated;
    }

    private static byte[]? Decode(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == KeySize ? buffer[..KeySize] : null;
    }
}
