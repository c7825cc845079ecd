using System.Xml.Linq;
using LiverMuscle.Sync.State;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>
/// Keeps the console's data-protection keys (they seal session and antiforgery cookies) in the state store as one
/// secret value, encrypted at rest there, so sessions survive a restart and no key file lies beside the store.
/// </summary>
internal sealed class StateStoreXmlRepository(IKeyValueStore store) : IXmlRepository
{
    private const string Key = "console/data-protection-keys";
    private readonly Lock _gate = new();

    // IXmlRepository is synchronous; the key ring is read rarely (at first use and on refresh).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_gate)
        {
            return [.. Read().Elements()];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_gate)
        {
            var keys = Read();
            keys.Add(element);
#pragma warning disable RS0030 // IXmlRepository is synchronous; the store call runs off the caller's context.
            Task.Run(() => store.SetAsync(Key, keys.ToString(SaveOptions.DisableFormatting), secret: true, CancellationToken.None)).GetAwaiter().GetResult();
#pragma warning restore RS0030
        }
    }

#pragma warning disable RS0030 // IXmlRepository is synchronous; the store call runs off the caller's context.
    private XElement Read() =>
        Task.Run(() => store.GetAsync(Key, CancellationToken.None)).GetAwaiter().GetResult() is { } xml ? XElement.Parse(xml) : new XElement("keys");
#pragma warning restore RS0030
}
