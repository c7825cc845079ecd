using LiverMuscle.Sync.Providers.Ledger;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>Records whose point time is in [<paramref name="From"/>, <paramref name="To"/>], both inclusive.</summary>
public sealed record InstantWindow(DateTimeOffset From, DateTimeOffset To) : ReadWindow
{
    public override bool Contains(LedgerEntry entry) => entry.At >= From && entry.At <= To;
}
