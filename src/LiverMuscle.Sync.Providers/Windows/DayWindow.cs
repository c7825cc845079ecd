using LiverMuscle.Sync.Providers.Ledger;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>Records of the days [<paramref name="First"/>, <paramref name="End"/>).</summary>
public sealed record DayWindow(DateOnly First, DateOnly End) : ReadWindow
{
    public override bool Contains(LedgerEntry entry) => entry.Day >= First && entry.Day < End;
}
