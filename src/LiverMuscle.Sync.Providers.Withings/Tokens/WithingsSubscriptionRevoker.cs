using System.Globalization;
using System.Text.Json;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Withings.Api;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Providers.Withings.Tokens;

/// <summary>
/// Withdraws a person's Withings notification subscriptions (<c>notify action=list</c>, then <c>action=revoke</c>
/// for each). Withings revokes tokens only for signed partner requests, so the tokens themselves end with their
/// deletion from the state store.
/// </summary>
internal sealed class WithingsSubscriptionRevoker(WithingsApiClient client, ITokenStore tokens) : ITokenRevoker
{
    public string Provider => ProviderNames.Withings;

    public async Task<RevocationResult> RevokeAsync(string personId, CancellationToken cancellationToken)
    {
        if ((await tokens.GetAsync(personId, Provider, cancellationToken))?.Token is null)
        {
            return RevocationResult.Done(Provider, "no Withings tokens stored, nothing to revoke");
        }

        var tally = new RequestTally();
        try
        {
            var list = await client.CallAsync(personId, WithingsService.Notify, new Dictionary<string, string> { ["action"] = "list" }, tally, cancellationToken);
            if (!list.IsOk || list.Body.ValueKind != JsonValueKind.Object)
            {
                return RevocationResult.Failed(Provider, $"the notification subscriptions could not be listed ({list.Describe()})");
            }

            var profiles = list.Body.Deserialize(WithingsJsonContext.Default.NotifyListBody)?.Profiles ?? [];
            var failed = new List<string>();
            foreach (var profile in profiles.Where(p => !string.IsNullOrEmpty(p.CallbackUrl)))
            {
                var revoke = await client.CallAsync(personId, WithingsService.Notify, new Dictionary<string, string>
                {
                    ["action"] = "revoke",
                    ["callbackurl"] = profile.CallbackUrl!,
                    ["appli"] = profile.Appli.ToString(CultureInfo.InvariantCulture),
                }, tally, cancellationToken);
                if (!revoke.IsOk)
                {
                    failed.Add($"appli {profile.Appli}: {revoke.Describe()}");
                }
            }

            var revoked = profiles.Count - failed.Count;
            return failed.Count == 0
                ? RevocationResult.Done(Provider, string.Create(CultureInfo.InvariantCulture, $"revoked {revoked} notification subscription(s); Withings offers public apps no token revocation, the tokens end with their deletion here"))
                : RevocationResult.Failed(Provider, string.Create(CultureInfo.InvariantCulture, $"revoked {revoked} notification subscription(s), could not revoke {string.Join("; ", failed)}"));
        }
        catch (ReauthorizationRequiredException e)
        {
            return RevocationResult.Failed(Provider, $"the notification subscriptions could not be revoked: {e.Reason}");
        }
        catch (Exception e) when (e is WithingsApiException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return RevocationResult.Failed(Provider, $"the notification subscriptions could not be revoked: {e.Message}");
        }
    }
}
