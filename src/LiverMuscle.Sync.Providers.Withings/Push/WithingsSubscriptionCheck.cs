using System.Text.Json;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Providers.Withings.Api;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Providers.Withings.Push;

/// <summary>
/// While <c>run</c> receives notifications: at start and then every <see cref="WithingsOptions.SubscriptionCheckInterval"/>,
/// the subscriptions of every connected person not confirmed within that interval are checked at Withings and
/// renewed (Withings may drop a subscription whose callback failed, and subscriptions on an older callback URL are
/// replaced). One person at a time, so syncs keep most of the shared budget.
/// </summary>
internal sealed class WithingsSubscriptionCheck(
    WithingsNotificationSubscriber subscriber,
    WithingsPushSettings push,
    ITokenStore tokens,
    IPushHealth health,
    IOptions<WithingsOptions> options,
    TimeProvider time,
    ILogger<WithingsSubscriptionCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (push.PublicUrl is null)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await CheckDueAsync(stoppingToken);
                await Task.Delay(options.Value.SubscriptionCheckInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Checks every connected person whose subscription was not confirmed within the interval.</summary>
    public async Task CheckDueAsync(CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() - options.Value.SubscriptionCheckInterval;
        foreach (var connection in await tokens.ListAsync(cancellationToken))
        {
            if (connection.Provider != ProviderNames.Withings || connection.Status != ConnectionStatus.Connected
                || (await health.GetAsync(connection.UserId, ProviderNames.Withings, cancellationToken)).SubscriptionConfirmedAt > due)
            {
                continue;
            }

            try
            {
                await subscriber.EnsureSubscribedAsync(connection.UserId, cancellationToken);
            }
            catch (Exception e) when (e is WithingsApiException or HttpRequestException or JsonException or ReauthorizationRequiredException
                                          || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Log.SubscriptionCheckFailed(logger, connection.UserId, e.Message);
            }
        }
    }
}
