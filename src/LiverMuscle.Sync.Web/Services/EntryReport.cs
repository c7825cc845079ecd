using LiverMuscle.Sync.Markers.Import;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>What a form or an upload stored and refused, as the page lists it: how many were stored, the lines telling what, and one line per refused entry.</summary>
internal sealed record EntryReport(string Title, int StoredCount, IReadOnlyList<string> StoredLines, IReadOnlyList<string> Errors)
{
    /// <summary>The marker forms' report in the same shape.</summary>
    public static EntryReport Of(string title, MarkerImportReport report) =>
        new(title, report.Stored, [], [.. report.Errors.Select(e => $"{e.Location}: {e.Reason}")]);
}
