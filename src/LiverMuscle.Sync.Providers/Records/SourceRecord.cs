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
}
