using LiverMuscle.Sync.Providers.Tokens;

namespace LiverMuscle.Sync.People;

/// <summary>Revokes a person's grant at one provider through its revoker; without one the result says what the person can do.</summary>
internal static class ProviderRevocation
{
    public static async Task<RevocationResult> RevokeAsync(IEnumerable<ITokenRevoker> revokers, string personId, string provider, CancellationToken cancellationToken) =>
        revokers.FirstOrDefault(r => r.Provider == provider) is { } revoker
            ? await revoker.RevokeAsync(personId, cancellationToken)
            : RevocationResult.Failed(provider, $"the {provider} connector is not configured here; remove the app in the {provider} account's settings");
}
