using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Api;
using LiverMuscle.Sync.Providers.Records;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

internal static partial class FitbitNormalizer
{
    /// <summary>
    /// Weight (grams → kg) and body fat of one weigh-in as one <c>body_composition</c> point. Readings several sources
    /// hold of one weigh-in (within the tolerance, the same value to 1 %) count once.
    /// </summary>
    public static RecordRead Body(string userId, IEnumerable<DataPointDto> weights, IEnumerable<DataPointDto> bodyFats)
    {
        var errors = new List<RecordError>();
        var weighIns = Samples(weights, "weight", p => p.Weight is { } w ? (w.SampleTime, w.WeightGrams) : null, g => g is > 0 and <= 700_000, "has no plausible weightGrams", 100, errors);
        var fats = Samples(bodyFats, "body-fat", p => p.BodyFat is { } f ? (f.SampleTime, f.Percentage) : null, p => p is >= 0 and <= 100, "has no body fat percentage between 0 and 100", 1, errors);
        var records = new List<SourceRecord>();
        foreach (var (weight, fat) in BodySample.Pair(weighIns, fats, SameEventTolerance))
        {
            var first = (weight ?? fat)!;
            var builder = PointBuilder.For(Measurements.BodyComposition)
                .Tag(TagNames.User, userId)
                .Tag(TagNames.Source, Sources.Fitbit)
                .At(first.Time);
            var kg = weight?.Value / 1000;
            if (kg is { } w)
            {
                builder.Field(F.BodyComposition.WeightKg, Round(w));
            }

            if (fat?.Value is { } p)
            {
                builder.Field(F.BodyComposition.FatRatioPct, Round(p));
                if (kg is { } weightKg)
                {
                    builder.Field(F.BodyComposition.FatMassKg, Round(weightKg * p / 100));
                    builder.Field(F.BodyComposition.FatFreeMassKg, Round(weightKg * (1 - (p / 100))));
                }
            }

            builder.Field(F.BodyComposition.SourceId, first.Id)
                .Field(F.BodyComposition.Manual, first.Point.DataSource?.RecordingMethod == "MANUAL");
            Add(records, errors, first.Point.Name ?? first.Id, builder, DateOnly.FromDateTime(first.Time.UtcDateTime), TimeId(first.Time));
        }

        return new RecordRead(records, errors);
    }

    /// <summary>The readable samples of one type, one per weigh-in and second: the records of several sources merged.</summary>
    private static List<BodySample> Samples(
        IEnumerable<DataPointDto> points,
        string dataType,
        Func<DataPointDto, (SampleTimeDto Time, double Value)?> read,
        Func<double, bool> plausible,
        string problem,
        double tolerance,
        List<RecordError> errors)
    {
        var samples = new List<BodySample>();
        foreach (var point in points)
        {
            if (read(point) is not ({ } time, var value) || !double.IsFinite(value) || !plausible(value))
            {
                var label = read(point) is ({ } at, _) ? DataPointIdentity.Label(point, dataType, at.PhysicalTime) : point.Name ?? $"a {dataType} point";
                errors.Add(new RecordError(label, $"{label} {problem}"));
                continue;
            }

            var second = TruncateToSecond(time.PhysicalTime);
            samples.Add(new BodySample(point, DataPointIdentity.Of(point, dataType, time.PhysicalTime), second, value));
        }

        return [.. SourceMerge.Events(samples, s => s.Point, s => s.Id, s => s.Time, s => s.Time + SameEventTolerance, (a, b) => SourceMerge.Close(a.Value, b.Value, tolerance))
            .GroupBy(s => s.Time)
            .Select(g => SourceMerge.Preferred(g, s => s.Point, s => s.Id))];
    }
}
