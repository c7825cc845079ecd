using LiverMuscle.Sync.Normalization;

namespace LiverMuscle.Sync.Providers.Records;

/// <summary>
/// What a read produced: the normalised records, the records that could not be read (reported by id and skipped),
/// and whether the read got everything it asked for (every page, each well-formed). Only a complete read can show
/// that a record vanished at the source.
/// </summary>
public sealed record RecordRead(IReadOnlyList<SourceRecord> Records, IReadOnlyList<RecordError> Errors, bool Complete = true)
{
    public static RecordRead Empty { get; } = new([], []);

    public IReadOnlyList<Point> Points => [.. Records.Select(r => r.Point)];

    public bool IsEmpty => Records.Count == 0 && Errors.Count == 0;

    public RecordRead Add(RecordRead other) =>
        new([.. Records, .. other.Records], [.. Errors, .. other.Errors], Complete && other.Complete);

    /// <summary>The same read with records that failed before normalisation (e.g. did not deserialize) reported first.</summary>
    public RecordRead WithErrors(IEnumerable<RecordError> earlier) => this with { Errors = [.. earlier, .. Errors] };
}
