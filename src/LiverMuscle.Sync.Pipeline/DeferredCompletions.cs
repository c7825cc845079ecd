using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.State;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Pipeline;

/// <summary>
/// Runs the <see cref="ISyncCompletedHandler"/>s only over points that are durable in the database: a sync whose
/// points wait in the write spool is kept in the state store, and its span is completed once the spool is empty —
/// after a later run of any process, or when the sink reports the spool drained. A span whose handler failed stays
/// kept and is run again then.
/// </summary>
public sealed class DeferredCompletions(IEnumerable<ISyncCompletedHandler> handlers, IDeferredCompletionStore store, ILogger<DeferredCompletions> logger) : IWritesDurableHandler
{
    /// <summary>After a run: with <paramref name="durable"/> writes, completes it and everything still waiting; else keeps it.</summary>
    public async Task CompleteAsync(SyncCompleted? completed, bool durable, CancellationToken cancellationToken)
    {
        if (!durable)
        {
            if (completed is not null)
            {
                await store.AddAsync(completed, cancellationToken);
                Log.CompletionDeferred(logger, completed.UserId, completed.Provider);
            }

            return;
        }

        await OnWritesDurableAsync(cancellationToken);
        if (completed is not null && !await NotifyAsync(completed, cancellationToken))
        {
            await store.AddAsync(completed, cancellationToken);
        }
    }

    /// <summary>Completes every kept span.</summary>
    public async Task OnWritesDurableAsync(CancellationToken cancellationToken)
    {
        foreach (var waiting in await store.ListAsync(cancellationToken))
        {
            if (await NotifyAsync(waiting, cancellationToken))
            {
                await store.RemoveAsync(waiting, cancellationToken);
            }
        }
    }

    /// <summary>Runs the handlers side by side (each reads and writes on its own); true when none failed.</summary>
    private async Task<bool> NotifyAsync(SyncCompleted completed, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(handlers.Select(async handler =>
        {
            try
            {
                await handler.OnSyncCompletedAsync(completed, cancellationToken);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.HandlerFailed(logger, handler.GetType().Name, completed.UserId, e);
                return false;
            }
        }));
        return outcomes.All(succeeded => succeeded);
    }
}
