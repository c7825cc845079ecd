using System.Security.Cryptography;
using System.Text;

namespace LiverMuscle.Sync.Providers.Push;

/// <summary>
/// The secret last segment of a person's notification callback URL. Only its SHA-256 is stored; a notification is
/// accepted when its URL's token hashes to a stored one.
/// </summary>
public static class PushCallbackToken
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
