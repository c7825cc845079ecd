namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>What the <c>source</c> of a legacy record or the <c>data source</c> of a Takeout row says about how it was entered.</summary>
internal static class ExportSources
{
    /// <summary>
    /// Entered by hand: a web entry, which the export writes without a source or as <c>Web</c>/<c>Manual</c>. A record
    /// another app sent through the API (<c>API</c>, <c>Renpho Fitbit 3P Web API</c>, <c>Phone Health Connect</c>) or a
    /// device measured (<c>Aria</c>) is not.
    /// </summary>
    public static bool IsManual(string? source)
    {
        var text = source?.Trim() ?? string.Empty;
        return text.Length == 0
            || text.Equals("Web", StringComparison.OrdinalIgnoreCase)
            || text.Equals("Manual", StringComparison.OrdinalIgnoreCase)
            || text.EndsWith(" Web", StringComparison.OrdinalIgnoreCase);
    }
}
