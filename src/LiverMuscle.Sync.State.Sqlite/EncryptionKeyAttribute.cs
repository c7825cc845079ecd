using LiverMuscle.Sync.Infrastructure.Configuration;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Base64 of exactly 32 bytes (an AES-256 key); unset passes. The message never shows the value.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class EncryptionKeyAttribute : SettingAttribute
{
    protected override string? Problem(object? value) =>
        value is string key && !(Convert.TryFromBase64String(key, new byte[64], out var written) && written == 32)
            ? "must be base64 of exactly 32 bytes (e.g. 'openssl rand -base64 32')."
            : null;
}
