using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Records;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>
/// Turns the reads of one source run over one scope into the batches the runner writes (deletions first, then
/// points). The ledger is loaded once and carried from batch to batch, since the runner may ask for the next batch
/// before the last one is written; each batch saves the ledger as it stands after it through
/// <see cref="SyncBatch.OnDurable"/>, once that batch is durable, so a crash in between re-reads the batch instead of
/// forgetting it.
/// </summary>
public sealed class LedgerReading
{
    private readonly RecordScope _scope;
    private readonly RecordLedger _ledger;
    private readonly ILogger _logger;
    private IReadOnlyDictionary<string, LedgerEntry>? _entries;

    internal LedgerReading(RecordScope scope, RecordLedger ledger, ILogger logger) => (_scope, _ledger, _logger) = (scope, ledger, logger);

    /// <summary>
    /// The batch of <paramref name="read"/>; with a <paramref name="window"/> the read covered in full, what vanished from
    /// it is deleted. <paramref name="cursor"/> and <paramref name="progress"/> ride on the batch.
    /// </summary>
    public async Task<SyncBatch> BatchAsync(
        RecordRead read,
        ReadWindow? window = null,
        string? cursor = null,
        SyncProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        var written = _entries ??= await _ledger.GetAsync(_scope, cancellationToken);
        var result = RecordReconciler.Reconcile(_scope, read, window, written);
        if (window is not null && !read.Complete)
        {
            Log.IncompleteRead(_logger, _scope.Provider, _scope.DataKind, _scope.UserId);
        }

        if (result.Vanished > 0)
        {
            Log.Vanished(_logger, _scope.Provider, _scope.DataKind, _scope.UserId, result.Vanished);
        }

        // The next batch is reconciled against what this one saves (or, saving nothing, leaves in the store).
        var saves = read.Records.Count > 0 || result.Vanished > 0;
        var kept = saves ? RecordLedger.Kept(_scope, result.Ledger) : written;
        _entries = kept;
        var (scope, ledger) = (_scope, _ledger);
        return new SyncBatch(result.Points, result.Deletions, read.Errors, cursor, progress)
        {
            Records = read.Records,
            OnDurable = saves ? token => ledger.SaveAsync(scope, kept, token) : null,
        };
    }
}
