using System.Runtime.CompilerServices;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Records;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>
/// Turns a read into the batch the runner writes (deletions first, then points), and saves the ledger once that
/// batch is durable: the runner asks for the next batch only after writing this one, so a crash in between re-reads
/// the batch instead of forgetting it.
/// </summary>
public sealed class LedgerBatches(RecordLedger ledger, ILogger<LedgerBatches> logger)
{
    /// <summary>
    /// The batch of <paramref name="read"/>; with a <paramref name="window"/> the read covered in full, what vanished from
    /// it is deleted. <paramref name="cursor"/> and <paramref name="progress"/> ride on the batch.
    /// </summary>
    public async IAsyncEnumerable<SyncBatch> EmitAsync(
        RecordScope scope,
        RecordRead read,
        ReadWindow? window = null,
        string? cursor = null,
        SyncProgress? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var written = await ledger.GetAsync(scope, cancellationToken);
        var result = RecordReconciler.Reconcile(scope, read, window, written);
        if (window is not null && !read.Complete)
        {
            Log.IncompleteRead(logger, scope.Provider, scope.DataKind, scope.UserId);
        }

        if (result.Vanished > 0)
        {
            Log.Vanished(logger, scope.Provider, scope.DataKind, scope.UserId, result.Vanished);
        }

        yield return new SyncBatch(result.Points, result.Deletions, read.Errors, cursor, progress) { Records = read.Records };
        if (read.Records.Count > 0 || result.Vanished > 0)
        {
            await ledger.SaveAsync(scope, result.Ledger, cancellationToken);
        }
    }
}
