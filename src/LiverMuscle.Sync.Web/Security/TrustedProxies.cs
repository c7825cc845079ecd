using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>Whether a request comes from a configured reverse proxy, and the user its header names.</summary>
internal sealed class TrustedProxies(IOptionsMonitor<ConsoleOptions> options)
{
    public string? Header => options.CurrentValue.TrustedUserHeader is { Length: > 0 } header ? header : null;

    /// <summary>The request carries the trusted user header (whoever sent it).</summary>
    public bool Carries(HttpRequest request) => Header is { } header && request.Headers.ContainsKey(header);

    public bool IsTrusted(IPAddress? remote) =>
        remote is not null && options.CurrentValue.TrustedProxies.Any(p => IPAddress.TryParse(p, out var proxy) && Normalize(proxy).Equals(Normalize(remote)));

    /// <summary>The user the proxy vouches for, or null when the request is not from a trusted proxy or names nobody.</summary>
    public string? UserOf(HttpContext context) =>
        Header is { } header && IsTrusted(context.Connection.RemoteIpAddress) && context.Request.Headers[header].ToString().Trim() is { Length: > 0 and <= 256 } user && !user.Any(char.IsControl)
            ? user
            : null;

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
