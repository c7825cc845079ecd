namespace LiverMuscle.Sync.Web.Security;

/// <summary>Authentication schemes: a selector that picks the proxy's header when one is sent, else the session cookie.</summary>
internal static class ConsoleSchemes
{
    public const string Selector = "console";
    public const string Cookie = "console-cookie";
    public const string Proxy = "console-proxy";
}
