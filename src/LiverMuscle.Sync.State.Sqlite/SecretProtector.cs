using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>
/// Encrypts secrets at rest with AES-256-GCM: a random nonce per value, and the row's identity as associated data
/// so a ciphertext copied to another row does not decrypt. The key comes from <c>State:EncryptionKey</c> or a key
/// file created with mode 0600; every problem with it is a <see cref="StateStoreException"/> saying what to do.
/// </summary>
internal sealed class SecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte FormatVersion = 1;
    private readonly Lazy<byte[]> _key;
    private readonly SqliteStateOptions _options;

    public SecretProtector(IOptions<SqliteStateOptions> options, ILogger<SecretProtector> logger)
    {
        _options = options.Value;
        _key = new Lazy<byte[]>(() => StateKeyFile.Load(options.Value, logger));
    }

    /// <summary>Where the key comes from, as the user configures it: <c>State:EncryptionKey</c> or the key file's path.</summary>
    public string KeySource => _options.EncryptionKey is null ? $"the key file {Path.GetFullPath(_options.ResolvedKeyFile)} (State:KeyFile)" : "State:EncryptionKey";

    /// <summary>Loads the key now, so a key problem surfaces when the store opens rather than at the first secret.</summary>
    public void EnsureKey() => _ = _key.Value;

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

    public string Unprotect(byte[] protectedValue, string associatedData) =>
        TryUnprotect(protectedValue, associatedData, out var plaintext) ? plaintext : throw new StateStoreException(AnotherKeyMessage());

    public bool TryUnprotect(byte[] protectedValue, string associatedData, out string plaintext)
    {
        plaintext = string.Empty;
        if (protectedValue.Length < 1 + NonceSize + TagSize || protectedValue[0] != FormatVersion)
        {
            return false;
        }

        var buffer = new byte[protectedValue.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key.Value, TagSize);
        try
        {
            aes.Decrypt(
                protectedValue.AsSpan(1, NonceSize),
                protectedValue.AsSpan(1 + NonceSize + TagSize),
                protectedValue.AsSpan(1 + NonceSize, TagSize),
                buffer,
                Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        plaintext = Encoding.UTF8.GetString(buffer);
        return true;
    }

    public string AnotherKeyMessage() =>
        $"The state store's secrets were encrypted with another key than {KeySource}: restore the original key (State:EncryptionKey / State:KeyFile), " +
        $"or move {Path.GetFullPath(_options.Path)} away to start a new state store (every person then authorises again).";
}
