using System.Text.Json;
using System.Globalization;
using LiverMuscle.Sync.Providers.Withings.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Push;

/// <summary>
/// Subscribes a user to weight (appli 1) and activity/workout (appli 16) notifications on the worker's callback,
/// after checking <c>action=list</c> so a subscription is never made twice. A failure is logged: polling remains.
/// </summary>
public sealed class WithingsNotificationSubscriber(
    WithingsApiClient client,
    WithingsPushSettings push,
    IOptions<WithingsOptions> options,
    ILogger<WithingsNotificationSubscriber> logger)
{
    public static readonly int[] Applis = [WithingsAppli.Weight, WithingsAppli.Activity];

    /// <summary>Returns the number of subscriptions created (0 when push is not configured or all exist).</summary>
    public async Task<int> EnsureSubscribedAsync(string userId, CancellationToken cancellationToken)
    {
        if (push.CallbackUrl(options.Value.NotifyCallbackPath) is not { } callback)
        {
            return 0;
        }

        var tally = new RequestTally();
        var list = await client.CallAsync(userId, WithingsService.Notify, new Dictionary<string, string> { ["action"] = "list" }, tally, cancellationToken);
        var existing = list.IsOk ? list.Body.Deserialize(WithingsJsonContext.Default.NotifyListBody)?.Profiles ?? [] : [];
        var created = 0;
        foreach (var appli in Applis)
        {
            if (existing.Any(p => p.Appli == appli && p.CallbackUrl == callback.ToString()))
            {
                continue;
            }

            var response = await client.CallAsync(userId, WithingsService.Notify, new Dictionary<string, string>
            {
                ["action"] = "subscribe",
                ["callbackurl"] = callback.ToString(),
                ["appli"] = appli.ToString(CultureInfo.InvariantCulture),
                ["comment"] = "livermuscle-sync",
            }, tally, cancellationToken);
            if (response.IsOk)
            {
                created++;
                Log.Subscribed(logger, userId, appli);
            }
            else
            {
                Log.SubscribeFailed(logger, userId, appli, response.Describe());
            }
        }

        return created;
    }
}
