using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Withings.Api;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Push;

/// <summary>
/// Keeps a person subscribed to weight (appli 1) and activity/workout (appli 16) notifications on their own callback
/// URL, which ends in a secret token (only its hash is stored). <c>action=list</c> first, so nothing is subscribed
/// twice; a subscription of ours on any other URL of the callback path (the one without a token, or an older token)
/// is revoked once the current one exists. A failure is logged: polling remains.
/// </summary>
internal sealed class WithingsNotificationSubscriber(
    WithingsApiClient client,
    WithingsPushSettings push,
    IPushSubscriptionStore subscriptions,
    IPushHealth health,
    IOptions<WithingsOptions> options,
    ILogger<WithingsNotificationSubscriber> logger)
{
    public static readonly int[] Applis = [WithingsAppli.Weight, WithingsAppli.Activity];

    /// <summary>Returns the number of subscriptions created (0 when push is not configured or all exist).</summary>
    public async Task<int> EnsureSubscribedAsync(string userId, CancellationToken cancellationToken)
    {
        var path = options.Value.NotifyCallbackPath;
        if (push.CallbackBase(path) is not { } callbackBase)
        {
            return 0;
        }

        var tally = new RequestTally();
        var list = await client.CallAsync(userId, WithingsService.Notify, new Dictionary<string, string> { ["action"] = "list" }, tally, cancellationToken);
        if (!list.IsOk)
        {
            Log.SubscriptionCheckFailed(logger, userId, list.Describe());
            return 0;
        }

        var profiles = list.Body.Deserialize(WithingsJsonContext.Default.NotifyListBody)?.Profiles ?? [];
        var stored = (await subscriptions.GetAsync(userId, ProviderNames.Withings, cancellationToken))?.TokenHash;
        var current = profiles.Where(p => p.CallbackUrl is { } url && push.TokenOf(url, path) is { } own && stored is not null
            && CryptographicOperations.FixedTimeEquals(PushCallbackToken.Hash(own), stored)).ToList();
        var token = current.Select(p => push.TokenOf(p.CallbackUrl!, path)).FirstOrDefault();
        if (token is null)
        {
            token = PushCallbackToken.New();
            await subscriptions.SetTokenHashAsync(userId, ProviderNames.Withings, PushCallbackToken.Hash(token), cancellationToken);
        }

        var callback = callbackBase + "/" + token;
        var created = 0;
        var failed = false;
        foreach (var appli in Applis.Where(a => !current.Any(p => p.Appli == a)))
        {
            var response = await CallAsync(userId, "subscribe", callback, appli, tally, cancellationToken);
            if (response.IsOk)
            {
                created++;
                Log.Subscribed(logger, userId, appli);
            }
            else
            {
                failed = true;
                Log.SubscribeFailed(logger, userId, appli, response.Describe());
            }
        }

        foreach (var stale in profiles.Where(p => p.CallbackUrl is { } url && url != callback && (url == callbackBase || push.TokenOf(url, path) is not null)))
        {
            var response = await CallAsync(userId, "revoke", stale.CallbackUrl!, stale.Appli, tally, cancellationToken);
            Log.StaleSubscriptionRevoked(logger, userId, stale.Appli, response.IsOk ? "revoked" : response.Describe());
        }

        if (!failed)
        {
            await health.SubscriptionConfirmedAsync(userId, ProviderNames.Withings, cancellationToken);
        }

        return created;
    }

    private Task<WithingsResponse> CallAsync(string userId, string action, string callback, int appli, RequestTally tally, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["action"] = action,
            ["callbackurl"] = callback,
            ["appli"] = appli.ToString(CultureInfo.InvariantCulture),
        };
        if (action == "subscribe")
        {
            form["comment"] = "livermuscle-sync";
        }

        return client.CallAsync(userId, WithingsService.Notify, form, tally, cancellationToken);
    }
}
