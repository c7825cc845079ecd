using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.State.Sqlite;

internal sealed class SqliteStateOptionsValidator : IValidateOptions<SqliteStateOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStateOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("State:Path must name the SQLite database file.");
        }

        if (options.EncryptionKey is { } key && !IsKey(key))
        {
            failures.Add("State:EncryptionKey must be base64 of exactly 32 bytes (e.g. 'openssl rand -base64 32').");
        }

        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            failures.Add($"State:BusyTimeout must be positive, got '{options.BusyTimeout}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32;
    }
}
