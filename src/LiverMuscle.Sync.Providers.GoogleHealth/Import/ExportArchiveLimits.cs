namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// How much of a zipped export is unpacked. Only the files an import reads are unpacked (a real Takeout is gigabytes
/// of heart rate it never reads); their sizes are counted as they are written, not taken from the archive's headers.
/// </summary>
public sealed record ExportArchiveLimits(long MaxFileBytes, long MaxTotalBytes, int MaxEntries)
{
    /// <summary>64 MiB per file, 1 GiB in all, 500,000 entries in the archive.</summary>
    public static ExportArchiveLimits Default { get; } = new(64L << 20, 1L << 30, 500_000);
}
