using System.Net;
using System.Net.Sockets;

namespace LiverMuscle.Sync.Worker.Hosting;

/// <summary>
/// Tries to bind the listen URL before the host starts, so an address in use (another <c>run</c>, say) is one line
/// instead of the host's start-up failure log.
/// </summary>
internal static class ListenAddressProbe
{
    /// <summary>Why <paramref name="url"/> cannot be listened on, or null when it can (or cannot be checked here).</summary>
    public static string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port == 0)
        {
            return null;
        }

        var address = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
        if (address is null)
        {
            return null;
        }

        var listener = new TcpListener(address, uri.Port);
        try
        {
            listener.Start();
            return null;
        }
        catch (SocketException e)
        {
            return $"Cannot listen on {url}: {e.Message}.";
        }
        finally
        {
            listener.Stop();
        }
    }
}
