using LiverMuscle.Sync.Providers;
using LiverMuscle.Sync.Providers.Push;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>
/// Polls every connected (user, provider) each <c>Sync:PollInterval</c> plus jitter, or each
/// <c>Sync:ReconcileInterval</c> while its push is healthy (<see cref="PollPlanner"/>), and runs a targeted sync of the
/// data kind a push notification names as soon as it is queued. At most <c>Sync:MaxConcurrentSyncs</c> run at once;
/// one failing user never stops the others, and a connection that needs re-authorisation is left alone.
/// </summary>
internal sealed class SyncScheduler(
    SyncRunner runner,
    PollPlanner planner,
    ITokenStore tokens,
    ISyncTriggerQueue triggers,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SyncScheduler> logger,
    Random? random = null) : BackgroundService
{
    private readonly Random _random = random ?? Random.Shared;
    private readonly Dictionary<(string UserId, string Provider), DateTimeOffset> _lastPolled = [];
    private SemaphoreSlim? _slots;

    public override void Dispose()
    {
        _slots?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Host start waits for ExecuteAsync up to its first real await.
        await Task.Yield();
        _slots = new SemaphoreSlim(options.Value.MaxConcurrentSyncs);
        var pushed = ConsumeTriggersAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PollAllAsync(stoppingToken);
                var jitter = TimeSpan.FromTicks((long)(options.Value.PollJitter.Ticks * _random.NextDouble()));
                await Task.Delay(options.Value.PollInterval + jitter, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await pushed;
    }

    private async Task PollAllAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var due = new List<ProviderConnection>();
        foreach (var connection in await tokens.ListAsync(stoppingToken))
        {
            if (connection.Status == ConnectionStatus.Connected && runner.Knows(connection.Provider) && await IsDueAsync(connection, now, stoppingToken))
            {
                _lastPolled[(connection.UserId, connection.Provider)] = now;
                due.Add(connection);
            }
        }

        await Task.WhenAll(due.Select(c => RunGuardedAsync(new SyncRequest(c.UserId, null, SyncMode.Incremental), c.Provider, stoppingToken)));
    }

    /// <summary>Every round polls a connection without healthy push; one with healthy push once its reconciliation interval has passed.</summary>
    private async Task<bool> IsDueAsync(ProviderConnection connection, DateTimeOffset now, CancellationToken stoppingToken)
    {
        if (!_lastPolled.TryGetValue((connection.UserId, connection.Provider), out var last))
        {
            return true;
        }

        var plan = await planner.GetAsync(connection.UserId, connection.Provider, stoppingToken);
        return !plan.PushHealthy || now - last >= plan.Interval;
    }

    private async Task ConsumeTriggersAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var trigger in triggers.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                var kinds = trigger.DataKind is { } kind ? new HashSet<string>(StringComparer.Ordinal) { kind } : null;
                running.Add(RunGuardedAsync(new SyncRequest(trigger.UserId, null, SyncMode.Targeted, trigger.Since, trigger.Until, kinds), trigger.Provider, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task RunGuardedAsync(SyncRequest request, string provider, CancellationToken stoppingToken)
    {
        try
        {
            await _slots!.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await runner.RunAsync(request, provider, null, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.RunFailed(logger, request.UserId, provider, e);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            _slots.Release();
        }
    }
}
