namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// What one file tells of a weigh-in at <paramref name="Time"/>: weight (<see cref="Exact"/> when given in grams),
/// body fat, the record's id and whether it was entered by hand.
/// </summary>
internal sealed record BodySample(DateTimeOffset Time)
{
    public double? WeightKg { get; init; }

    public bool Exact { get; init; }

    public double? FatPct { get; init; }

    public string? SourceId { get; init; }

    public bool Manual { get; init; }

    /// <summary>
    /// The same weigh-in told by two files: the weight in grams wins over one converted from pounds, the other values
    /// fill what is missing, and <see cref="Manual"/> follows the weight it came with.
    /// </summary>
    public BodySample Merge(BodySample other)
    {
        var takeWeight = other.WeightKg is not null && (WeightKg is null || (other.Exact && !Exact));
        return this with
        {
            WeightKg = takeWeight ? other.WeightKg : WeightKg,
            Exact = takeWeight ? other.Exact : Exact,
            Manual = takeWeight || WeightKg is null ? other.Manual : Manual,
            FatPct = FatPct ?? other.FatPct,
            SourceId = SourceId ?? other.SourceId,
        };
    }
}
