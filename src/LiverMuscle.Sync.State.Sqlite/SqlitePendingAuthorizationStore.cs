using Microsoft.Data.Sqlite;

namespace LiverMuscle.Sync.State.Sqlite;

/// <summary>Pending authorisations; the PKCE verifier is encrypted and bound to its state. A claim is one atomic update.</summary>
internal sealed class SqlitePendingAuthorizationStore(SqliteDatabase database, SecretProtector protector) : IPendingAuthorizationStore
{
    private static readonly TimeSpan KeepAfterExpiry = TimeSpan.FromDays(1);

    public async Task AddAsync(PendingAuthorization authorization, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var verifier = authorization.CodeVerifier is { } v ? protector.Protect(v, AssociatedData(authorization.State)) : null;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var cleanup = connection.Command("DELETE FROM pending_authorizations WHERE expires_at < $cutoff")
                         .With("$cutoff", UnixTime.ToMs(now - KeepAfterExpiry)))
        {
            await cleanup.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.Command(
                "INSERT INTO pending_authorizations (state, provider, user_id, redirect_uri, code_verifier, created_at, expires_at) " +
                "VALUES ($state, $provider, $user, $redirect, $verifier, $created, $expires)")
            .With("$state", authorization.State).With("$provider", authorization.Provider).With("$user", authorization.PersonId)
            .With("$redirect", authorization.RedirectUri.AbsoluteUri).With("$verifier", verifier)
            .With("$created", UnixTime.ToMs(authorization.CreatedAt)).With("$expires", UnixTime.ToMs(authorization.ExpiresAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PendingAuthorizationClaim> ClaimAsync(string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var claim = connection.Command(
                "UPDATE pending_authorizations SET used_at = $now WHERE state = $state AND used_at IS NULL AND expires_at > $now " +
                "RETURNING state, provider, user_id, redirect_uri, code_verifier, created_at, expires_at")
            .With("$state", state).With("$now", UnixTime.ToMs(now));
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return new PendingAuthorizationClaim(PendingAuthorizationClaimStatus.Claimed, Read(reader));
            }
        }

        await using var lookup = connection.Command("SELECT used_at FROM pending_authorizations WHERE state = $state").With("$state", state);
        return await lookup.ExecuteScalarAsync(cancellationToken) switch
        {
            null => PendingAuthorizationClaim.Unknown,
            DBNull => new PendingAuthorizationClaim(PendingAuthorizationClaimStatus.Expired, null),
            _ => new PendingAuthorizationClaim(PendingAuthorizationClaimStatus.AlreadyUsed, null),
        };
    }

    private PendingAuthorization Read(SqliteDataReader reader)
    {
        var state = reader.GetString(0);
        return new PendingAuthorization(
            state,
            reader.GetString(1),
            reader.GetString(2),
            new Uri(reader.GetString(3)),
            reader.IsDBNull(4) ? null : protector.Unprotect((byte[])reader.GetValue(4), AssociatedData(state)),
            UnixTime.FromMs(reader.GetInt64(5)),
            UnixTime.FromMs(reader.GetInt64(6)));
    }

    private static string AssociatedData(string state) => "pending\n" + state;
}
