using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Ledger;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.Windows;

/// <summary>
/// The re-read rule, for every provider without a deletion feed:
/// <list type="bullet">
/// <item>a served record whose point moved to another time, changed its tags (another device or session kind), or
/// lost a field since it was written, has its old point deleted before the new one is written, so there is one point
/// per record and it holds exactly the fields its source still holds; a record not remembered has the points of its
/// <see cref="SourceRecord.FormerTags"/> deleted;</item>
/// <item>after a complete, well-formed read of a window, a remembered record of that window that was neither served
/// nor reported unreadable has vanished: its point is deleted (or replaced, as the scope says);</item>
/// <item>after an incomplete read, or a read without a window, nothing vanishes.</item>
/// </list>
/// </summary>
internal static class RecordReconciler
{
    public static Reconciliation Reconcile(RecordScope scope, RecordRead read, ReadWindow? window, IReadOnlyDictionary<string, LedgerEntry> ledger)
    {
        var entries = new Dictionary<string, LedgerEntry>(ledger, StringComparer.Ordinal);
        var points = new List<Point>();
        var deletions = new List<PointDeletion>();
        foreach (var record in read.Records)
        {
            if (!entries.TryGetValue(record.Id, out var written))
            {
                deletions.AddRange(record.FormerTags.Select(tags => new PointDeletion(record.Point.Measurement, tags, record.Point.Timestamp, record.Point.Timestamp)));
            }
            else if (written.IsStaleFor(record.Point))
            {
                deletions.Add(scope.DeletionAt(written.At));
            }

            entries[record.Id] = LedgerEntry.Of(record);
            points.Add(record.Point);
        }

        var vanished = 0;
        if (window is not null && read.Complete)
        {
            var served = read.Records.Select(r => r.Id).Concat(read.Errors.SelectMany(e => Ids(e.RecordId))).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, entry) in ledger.Where(e => window.Contains(e.Value) && !served.Contains(e.Key)))
            {
                entries.Remove(id);
                vanished++;
                if (scope.Replacement(entry) is { } replacement)
                {
                    points.Add(replacement);
                }
                else
                {
                    deletions.Add(scope.DeletionAt(entry.At));
                }
            }
        }

        return new Reconciliation(points, deletions, entries, vanished);
    }

    /// <summary>An unreadable record is named by its id or by a resource name ending in it (<c>users/1/…/dataPoints/ID</c>).</summary>
    private static IEnumerable<string> Ids(string recordId) => [recordId, recordId[(recordId.LastIndexOf('/') + 1)..]];
}
