using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.Withings.Sync;

/// <summary>
/// One page of a Withings list: its normalised records, whether more follow and where, the server time, and the
/// person's current time zone if the answer tells it.
/// </summary>
internal sealed record WithingsPage(RecordRead Read, bool More, long NextOffset, long? UpdateTime, string? TimeZone);
