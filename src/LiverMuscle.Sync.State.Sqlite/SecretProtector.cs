using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// Encrypts secrets at rest with AES-256-GCM: a random nonce per value, and the row's identity as associated data
/// so a ciphertext copied to another row does not decrypt. The key comes from <c>State:EncryptionKey</c> or a key
/// file created with mode 0600.
/// </summary>
public sealed class SecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte FormatVersion = 1;
    private readonly Lazy<byte[]> _key;

    public SecretProtector(IOptions<SqliteStateOptions> options, ILogger<SecretProtector> logger)
    {
        _key = new Lazy<byte[]>(() => LoadKey(options.Value, logger));
    }

    public byte[] Protect(string plaintext, string associatedData)
    {
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + TagSize + input.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Encrypt(nonce, input, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(associatedData));
        return output;
    }

    public string Unprotect(byte[] protectedValue, string associatedData)
    {
        if (protectedValue.Length < 1 + NonceSize + TagSize || protectedValue[0] != FormatVersion)
        {
            throw new CryptographicException("An encrypted value in the state store has an unknown format.");
        }

        var plaintext = new byte[protectedValue.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key.Value, TagSize);
        try
        {
            aes.Decrypt(
                protectedValue.AsSpan(1, NonceSize),
                protectedValue.AsSpan(1 + NonceSize + TagSize),
                protectedValue.AsSpan(1 + NonceSize, TagSize),
                plaintext,
                Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CryptographicException(
                "The state store's secrets were encrypted with another key: check State:EncryptionKey / State:KeyFile.");
        }

        return Encoding.UTF8.GetString(plaintext);
    }

    private static byte[] LoadKey(SqliteStateOptions options, ILogger logger)
    {
        if (options.EncryptionKey is { } configured)
        {
            return Convert.FromBase64String(configured);
        }

        var path = Path.GetFullPath(options.ResolvedKeyFile);
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new InvalidOperationException($"The key file {path} is readable by other users; run 'chmod 600 {path}' (State:KeyFile).");
            }

            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length == 32 ? key : throw new InvalidOperationException($"The key file {path} does not hold base64 of 32 bytes (State:KeyFile).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var generated = RandomNumberGenerator.GetBytes(32);
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
            return LoadKey(options, logger);
        }

        Log.KeyFileGenerated(logger, path);
        return generated;
    }
}
