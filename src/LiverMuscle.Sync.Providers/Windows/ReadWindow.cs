using LiverMuscle.Sync.Providers.Ledger;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>The span a read covered in full: the remembered records inside it must have been served again.</summary>
public abstract record ReadWindow
{
    public abstract bool Contains(LedgerEntry entry);
}
