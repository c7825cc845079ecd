using LiverMuscle.Sync.Providers.Ledger;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>Opens the <see cref="LedgerReading"/> of one read of a scope: the batches it turns reads into keep the ledger.</summary>
public sealed class LedgerBatches(RecordLedger ledger, ILogger<LedgerBatches> logger)
{
    public LedgerReading Open(RecordScope scope) => new(scope, ledger, logger);
}
