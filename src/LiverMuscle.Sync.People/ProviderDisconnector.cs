using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.People;

/// <summary>
/// Disconnects a person from one provider: revokes there where the API allows it (a failure is reported, the
/// disconnection goes on), then forgets the connection with its tokens and the provider's sync cursors, so a later
/// connection (perhaps of another account) starts from its initial history.
/// </summary>
public sealed class ProviderDisconnector(ITokenStore tokens, ISyncCursorStore cursors, IEnumerable<ITokenRevoker> revokers)
{
    /// <summary>The revocation's result, or null when the person had no connection to <paramref name="provider"/>.</summary>
    public async Task<RevocationResult?> DisconnectAsync(string personId, string provider, CancellationToken cancellationToken)
    {
        if (await tokens.GetAsync(personId, provider, cancellationToken) is not { } connection)
        {
            return null;
        }

        var revocation = connection.Token is null
            ? RevocationResult.Done(provider, "no tokens were held")
            : await ProviderRevocation.RevokeAsync(revokers, personId, provider, cancellationToken);
        foreach (var cursor in await cursors.ListAsync(personId, cancellationToken))
        {
            if (cursor.Provider == provider)
            {
                await cursors.DeleteAsync(personId, provider, cursor.DataKind, cancellationToken);
            }
        }

        await tokens.DeleteAsync(personId, provider, cancellationToken);
        return revocation;
    }
}
