using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Records;

/// <summary>
/// One normalised record: the provider's id of it (a number, a data point's id, a day — however the source tells
/// its records apart), its point, and the day it belongs to (the local day for sources read by local day, else the
/// point's UTC date).
/// </summary>
public sealed record SourceRecord(string Id, Point Point, DateOnly Day)
{
    public SourceRecord(string id, Point point)
        : this(id, point, DateOnly.FromDateTime(point.Timestamp.UtcDateTime))
    {
    }

    /// <summary>
    /// Tag sets an earlier version of the connector wrote this record's point with (a device named by an older rule):
    /// for a record the ledger does not remember, a point with those tags at this time is deleted before it is written.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> FormerTags { get; init; } = [];
}
