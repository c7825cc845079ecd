using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Tokens;

/// <summary>
/// Starts and completes the OAuth authorisation of a person at a provider — for <c>auth</c> on the command line and
/// the console's <c>/oauth/{provider}/callback</c> alike. A started authorisation (state, PKCE verifier, redirect URI)
/// is kept in the state store for <see cref="Lifetime"/>, so the redirect may come back to another process, and is
/// used once.
/// </summary>
public sealed class AuthorizationService(
    IEnumerable<IAuthorizationFlow> flows,
    IPendingAuthorizationStore pending,
    IPersonStore people,
    TimeProvider time,
    ILogger<AuthorizationService> logger)
{
    /// <summary>How long a consent URL stays good.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, IAuthorizationFlow> _flows = flows.ToDictionary(f => f.Provider, StringComparer.Ordinal);

    /// <summary>Null when <paramref name="provider"/> is configured, else the line saying which ones are.</summary>
    public string? ProviderProblem(string provider) => _flows.ContainsKey(provider) ? null : UnknownProvider(provider);

    public async Task<AuthorizationOutcome> StartAsync(string provider, string personId, Uri redirectUri, bool demo, CancellationToken cancellationToken)
    {
        if (!_flows.TryGetValue(provider, out var flow))
        {
            return AuthorizationOutcome.Fail(AuthorizationFailure.BadRequest, UnknownProvider(provider));
        }

        if (await people.GetAsync(personId, cancellationToken) is null)
        {
            return AuthorizationOutcome.Fail(AuthorizationFailure.BadRequest, PersonRegistry.Unknown(personId));
        }

        var started = flow.Begin(personId, redirectUri, demo);
        var now = time.GetUtcNow();
        await pending.AddAsync(new PendingAuthorization(started.State, provider, personId, started.RedirectUri, started.CodeVerifier, now, now + Lifetime), now, cancellationToken);
        Log.AuthorizationStarted(logger, personId, provider, now + Lifetime);
        return new AuthorizationOutcome(AuthorizationFailure.None, null, started.AuthorizeUrl, now + Lifetime);
    }

    /// <summary>
    /// Completes the authorisation the redirect's state names: exchanges the code with the verifier and redirect URI
    /// it was started with and stores the tokens. <paramref name="personId"/>, when given, must be the person it was
    /// started for.
    /// </summary>
    public async Task<AuthorizationOutcome> CompleteAsync(string provider, string? personId, AuthorizationRedirect redirect, CancellationToken cancellationToken)
    {
        var again = personId is null ? $"start again from the consent link" : $"start again with 'livermuscle-sync auth {provider} --user {personId}'";
        if (!_flows.TryGetValue(provider, out var flow))
        {
            return AuthorizationOutcome.Fail(AuthorizationFailure.BadRequest, UnknownProvider(provider));
        }

        if (redirect.State is not { } state)
        {
            return AuthorizationOutcome.Fail(AuthorizationFailure.BadRequest, $"The redirect URL carries no 'state'; paste the whole URL the browser was sent to, or {again}.");
        }

        var claim = await pending.ClaimAsync(state, time.GetUtcNow(), cancellationToken);
        var failure = claim.Status switch
        {
            PendingAuthorizationClaimStatus.Unknown => AuthorizationOutcome.Fail(AuthorizationFailure.Unknown, $"This redirect does not belong to an authorisation started here (unknown state); {again}."),
            PendingAuthorizationClaimStatus.AlreadyUsed => AuthorizationOutcome.Fail(AuthorizationFailure.AlreadyUsed, $"This authorisation was completed already: a consent URL and its redirect work once; {again}."),
            PendingAuthorizationClaimStatus.Expired => AuthorizationOutcome.Fail(AuthorizationFailure.Expired, $"This authorisation expired: the redirect must come back within {Lifetime.TotalMinutes:0} minutes of starting it; {again}."),
            _ => null,
        };
        if (failure is not null || claim.Authorization is not { } started)
        {
            return failure ?? AuthorizationOutcome.Fail(AuthorizationFailure.Unknown, $"This redirect does not belong to an authorisation started here; {again}.");
        }

        if (started.Provider != provider || (personId is not null && started.PersonId != personId))
        {
            return AuthorizationOutcome.Fail(AuthorizationFailure.BadRequest,
                $"This redirect belongs to the {started.Provider} authorisation of '{started.PersonId}', not to {provider} for '{personId ?? started.PersonId}'; it cannot be used again, {again}.");
        }

        if (redirect.Error is { } error)
        {
            Log.AuthorizationRefused(logger, started.PersonId, provider, error);
            return AuthorizationOutcome.Fail(AuthorizationFailure.Refused, $"{provider} refused the authorisation: {error}; {again}.");
        }

        if (redirect.Code is not { } code)
        {
            return AuthorizationOutcome.Fail(AuthorizationFailure.BadRequest, $"The redirect carries no authorization code; {again}.");
        }

        return await ExchangeAsync(flow, started, code, again, cancellationToken);
    }

    private async Task<AuthorizationOutcome> ExchangeAsync(IAuthorizationFlow flow, PendingAuthorization started, string code, string again, CancellationToken cancellationToken)
    {
        try
        {
            // Completing needs the state, the verifier and the redirect URI; the consent URL itself is not needed again.
            var connection = await flow.CompleteAsync(started.PersonId, code, new AuthorizationStart(started.RedirectUri, started.RedirectUri, started.State, started.CodeVerifier), cancellationToken);
            return new AuthorizationOutcome(AuthorizationFailure.None, null, Connection: connection);
        }
        catch (ReauthorizationRequiredException refused)
        {
            Log.AuthorizationRefused(logger, started.PersonId, flow.Provider, refused.Reason);
            return AuthorizationOutcome.Fail(AuthorizationFailure.Refused, $"{flow.Provider} refused the authorization code: {refused.Reason}; {again}.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.AuthorizationFailed(logger, started.PersonId, flow.Provider, e);
            return AuthorizationOutcome.Fail(AuthorizationFailure.Failed, $"Completing the {flow.Provider} authorisation failed: {e.Message}; {again}.");
        }
    }

    private string UnknownProvider(string provider) =>
        $"Unknown provider '{provider}'. Configured providers: {(_flows.Count == 0 ? "none" : string.Join(", ", _flows.Keys.Order(StringComparer.Ordinal)))}.";
}
