using System.Security.Cryptography;
using System.Text;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>Where a page starts: after the point (time, name) in newest-first order, or at the very start.</summary>
internal readonly record struct PagePosition(DateTimeOffset? Time, string? Name, bool AtEnd, bool EmptyServed)
{
    public static readonly PagePosition Start = new(null, null, AtEnd: false, EmptyServed: false);
}

/// <summary>Opaque, tamper-proof page tokens bound to the user and the exact query (type, filter, page size).</summary>
internal sealed class PageTokens
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(string query, PagePosition position)
    {
        var payload = string.Join(
            '\n',
            Digest(query),
            position.Time?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            position.Name ?? string.Empty,
            position.AtEnd ? "1" : "0",
            position.EmptyServed ? "1" : "0");
        var bytes = Encoding.UTF8.GetBytes(payload);
        var mac = HMACSHA256.HashData(_key, bytes).AsSpan(0, 12);
        return Base64Url([.. bytes, .. mac]);
    }

    /// <summary>The position encoded in a token, or null if the token is garbage or belongs to another query.</summary>
    public PagePosition? Read(string token, string query)
    {
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (token.Length % 4)) % 4));
        }
        catch (FormatException)
        {
            return null;
        }

        if (raw.Length <= 12)
        {
            return null;
        }

        var bytes = raw.AsSpan(0, raw.Length - 12);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, bytes).AsSpan(0, 12), raw.AsSpan(raw.Length - 12)))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('\n');
        if (parts.Length != 5 || parts[0] != Digest(query))
        {
            return null;
        }

        DateTimeOffset? time = parts[1].Length == 0 ? null : new DateTimeOffset(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
        return new PagePosition(time, parts[2].Length == 0 ? null : parts[2], parts[3] == "1", parts[4] == "1");
    }

    public static int Hash(string text) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0) & int.MaxValue;

    private static string Digest(string query) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)).AsSpan(0, 8));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
