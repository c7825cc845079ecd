using LiverMuscle.Sync.Normalization;
using System.Globalization;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Summary;

/// <summary>
/// Sends each user's weekly summary once, on the configured local weekday from the configured hour. The week last
/// sent is kept in the state store, so a restart does not send it again.
/// </summary>
internal sealed class WeeklySummaryService(
    WeeklySummaryBuilder builder,
    NotifierRegistry notifiers,
    IUserStore users,
    IKeyValueStore store,
    IOptionsMonitor<AlertsOptions> options,
    TimeProvider time,
    ILogger<WeeklySummaryService> logger) : BackgroundService
{
    /// <summary>Sends the summaries that are due now; returns the users they went to.</summary>
    public async Task<IReadOnlyList<string>> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.WeeklySummary;
        var sent = new List<string>();
        if (!settings.Enabled)
        {
            return sent;
        }

        var now = time.GetUtcNow();
        foreach (var user in await users.ListAsync(cancellationToken))
        {
            var zone = await users.GetTimeZoneAsync(user.Id, cancellationToken);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var monday = LocalCalendar.WeekStart(DateOnly.FromDateTime(local.DateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var key = $"alerts/weekly-summary/{user.Id}";
            if (local.DayOfWeek != settings.Weekday || local.Hour < settings.Hour || await store.GetAsync(key, cancellationToken) == monday)
            {
                continue;
            }

            var (_, notification) = await builder.BuildAsync(user.Id, now, cancellationToken);
            var delivered = await notifiers.SendAsync(settings.Notifiers, notification, cancellationToken);
            Log.SummarySent(logger, user.Id, monday, delivered);
            if (delivered)
            {
                await store.SetAsync(key, monday, secret: false, cancellationToken);
                sent.Add(user.Id);
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.WeeklySummary.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.CurrentValue.WeeklySummary.CheckInterval, time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.SummaryFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
