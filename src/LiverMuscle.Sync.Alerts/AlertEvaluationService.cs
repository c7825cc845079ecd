using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Alerts;

/// <summary>Evaluates the rules at start and then every <see cref="AlertsOptions.EvaluationInterval"/> on the injected clock.</summary>
internal sealed class AlertEvaluationService(AlertEvaluator evaluator, IOptions<AlertsOptions> options, TimeProvider time, ILogger<AlertEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Rules.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.EvaluationInterval, time);
        do
        {
            try
            {
                await evaluator.EvaluateAsync(dryRun: false, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.EvaluationRoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
