using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace LiverMuscle.Sync.Alerts.Notifications.Email;

/// <summary>Accepts a server certificate that is valid, or whose only fault is a chain ending at the configured root.</summary>
internal static class CertificateTrust
{
    public static bool Accept(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 trustedRoot)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
