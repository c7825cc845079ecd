using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Sync;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>
/// The weigh-ins of an export as <c>body_composition</c> points with the API's identity (source fitbit, no device,
/// the sample's UTC second), so a weigh-in told by the JSON, by the Takeout CSV and by the API is one point.
/// </summary>
internal static class ExportBody
{
    /// <summary>The samples of the same second merged into one (see <see cref="BodySample.Merge"/>), in time order.</summary>
    public static IReadOnlyList<BodySample> Merge(IEnumerable<BodySample> samples)
    {
        var merged = new SortedDictionary<DateTimeOffset, BodySample>();
        foreach (var sample in samples)
        {
            var second = new DateTimeOffset(sample.Time.UtcTicks - (sample.Time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            merged[second] = merged.TryGetValue(second, out var known) ? known.Merge(sample) : sample with { Time = second };
        }

        return [.. merged.Values];
    }

    public static PointBuilder Build(string userId, BodySample sample)
    {
        var builder = PointBuilder.For(Measurements.BodyComposition)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Fitbit)
            .At(sample.Time)
            .Field(F.BodyComposition.WeightKg, Round(sample.WeightKg))
            .Field(F.BodyComposition.FatRatioPct, Round(sample.FatPct))
            .Field(F.BodyComposition.SourceId, sample.SourceId ?? FitbitNormalizer.TimeId(sample.Time))
            .Field(F.BodyComposition.Manual, sample.Manual);
        if (sample is { WeightKg: { } kg, FatPct: { } pct })
        {
            builder.Field(F.BodyComposition.FatMassKg, Round(kg * pct / 100))
                .Field(F.BodyComposition.FatFreeMassKg, Round(kg * (1 - pct / 100)));
        }

        return builder;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
