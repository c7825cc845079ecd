using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts.Reminders;

/// <summary>Checks the reminders at start and then every <see cref="RemindersOptions.CheckInterval"/> on the injected clock, while a notifier is named.</summary>
internal sealed class ReminderService(ReminderEvaluator evaluator, IOptionsMonitor<RemindersOptions> options, TimeProvider time, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.CurrentValue.Notifiers.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.CurrentValue.CheckInterval, time);
        do
        {
            try
            {
                await evaluator.EvaluateAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ReminderRoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
