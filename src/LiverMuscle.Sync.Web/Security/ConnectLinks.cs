using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>
/// The signature on a "Connect" link. Starting an authorisation is a plain link (a form post redirecting to the
/// provider would need its origin in the page's <c>form-action</c>), so the link carries a short-lived value bound
/// to the session, the person and the provider: another site cannot make a signed-in browser start one.
/// </summary>
internal sealed class ConnectLinks(IDataProtectionProvider protection, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private readonly IDataProtector _protector = protection.CreateProtector("LiverMuscle.Sync.Web.ConnectLinks");

    public string Sign(string sessionName, string personId, string provider) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{(time.GetUtcNow() + Lifetime).ToUnixTimeSeconds()}\n{Purpose(sessionName, personId, provider)}"));

    public bool Verify(string? signature, string sessionName, string personId, string provider)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(signature).Split('\n', 2);
            return parts.Length == 2 && string.Equals(parts[1], Purpose(sessionName, personId, provider), StringComparison.Ordinal) &&
                long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires) && expires > time.GetUtcNow().ToUnixTimeSeconds();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Purpose(string sessionName, string personId, string provider) => $"{sessionName}\n{personId}\n{provider}";
}
