using System.Net;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>
/// A URL Kestrel can listen on exactly as written: http(s), no path, and a host that is <c>localhost</c> or a literal
/// IP address. Kestrel reads any other host (a typo such as <c>256.1.1.1</c>, or a host name) as "every interface".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListenUrlAttribute : SettingAttribute
{
    protected override string? Problem(object? value) => value switch
    {
        null => null,
        Uri { IsAbsoluteUri: false } or Uri { Scheme: not ("http" or "https") } => $"must be an absolute http(s) URL, got '{value}'.",
        Uri url when !IsLiteralHost(url) => $"must name localhost or a literal IP address (e.g. http://127.0.0.1:8089, http://[::1]:8089, http://0.0.0.0:8089 for every interface), got host '{url.Host}'.",
        Uri url when url.AbsolutePath != "/" || url.Query.Length > 0 => $"must not have a path or query, got '{url}'.",
        _ => null,
    };

    private static bool IsLiteralHost(Uri url) => url.HostNameType switch
    {
        UriHostNameType.Dns => url.IsLoopback && url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase),
        // Uri canonicalises shorthand such as "http://1" to 0.0.0.1; only a host written out in full is literal.
        UriHostNameType.IPv4 => IPAddress.TryParse(url.Host, out _) && url.OriginalString.Contains("//" + url.Host, StringComparison.Ordinal),
        UriHostNameType.IPv6 => true,
        _ => false,
    };
}
