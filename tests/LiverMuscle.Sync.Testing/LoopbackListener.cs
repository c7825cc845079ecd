using System.Net;

namespace LiverMuscle.Sync.Testing;

/// <summary>
/// An <see cref="HttpListener"/> on a free loopback port. A port found free may be taken by another process before the
/// listener binds it (test assemblies run side by side), so a refused bind is retried on another port.
/// </summary>
public static class LoopbackListener
{
    private const int Attempts = 20;

    /// <param name="path">The prefix's path, starting and ending with '/'.</param>
    public static (HttpListener Listener, Uri Url) Start(string path = "/")
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort.Next()}{path}");
            var listener = new HttpListener { Prefixes = { url.ToString() } };
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < Attempts)
            {
                listener.Close();
            }
        }
    }
}
