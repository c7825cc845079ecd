using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Providers.Records;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>Weigh-ins of an export: <c>weight-*.json</c> (local times, the account's unit) and the Takeout CSV files (grams and percent, UTC).</summary>
internal static class ExportWeighIns
{
    public const double KilogramsPerPound = 0.45359237;

    public const double HeaviestKg = 700;

    public static LegacyWeighIn FromJson(JsonElement record)
    {
        var weight = record.GetProperty("weight").GetDouble();
        if (weight is <= 0 or > 1600 || !double.IsFinite(weight))
        {
            throw new FormatException($"weight {weight} is not plausible");
        }

        return new LegacyWeighIn(
            record.GetProperty("logId").ToString(),
            $"{record.GetProperty("date").GetString()} {record.GetProperty("time").GetString()}",
            weight,
            ExportJson.Number(record, "bmi") is > 0 and var bmi ? bmi : null,
            ExportJson.Number(record, "fat") is >= 0 and <= 100 and var fat ? fat : null,
            record.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String ? source.GetString() : null);
    }

    /// <summary>A legacy weigh-in in kilograms at its local time in <paramref name="zone"/>.</summary>
    public static BodySample ToSample(LegacyWeighIn weighIn, string unit, TimeZoneInfo zone) =>
        new(ExportTimes.Local(weighIn.LocalTime, zone))
        {
            WeightKg = unit == "lb" ? weighIn.Weight * KilogramsPerPound : weighIn.Weight,
            FatPct = weighIn.FatPct,
            SourceId = weighIn.LogId,
            Manual = ExportSources.IsManual(weighIn.Source),
        };

    /// <summary><c>weight.csv</c> / <c>weight_*.csv</c>: <c>timestamp,weight grams,data source</c>.</summary>
    public static ParsedElements<BodySample> FromWeightCsv(string file) =>
        ReadCsv(file, "weight grams", (sample, grams) => sample with
        {
            WeightKg = grams is > 0 && grams <= HeaviestKg * 1000 ? grams / 1000 : throw new FormatException($"weight grams {grams} is not plausible"),
            Exact = true,
        });

    /// <summary><c>body_fat_*.csv</c>: <c>timestamp,body fat percentage,data source</c>.</summary>
    public static ParsedElements<BodySample> FromBodyFatCsv(string file) =>
        ReadCsv(file, "body fat percentage", (sample, pct) => sample with
        {
            FatPct = pct is >= 0 and <= 100 ? pct : throw new FormatException($"body fat percentage {pct} is not between 0 and 100"),
        });

    private static ParsedElements<BodySample> ReadCsv(string file, string valueColumn, Func<BodySample, double, BodySample> withValue)
    {
        var (samples, errors) = (new List<BodySample>(), new List<RecordError>());
        var (csv, problem) = ExportCsv.Open(file, "timestamp", valueColumn);
        if (problem is not null)
        {
            errors.Add(new RecordError(Path.GetFileName(file), problem));
        }

        using (csv)
        {
            while (csv?.Next() == true)
            {
                try
                {
                    if (!ExportTimes.TryInstant(csv["timestamp"], out var time))
                    {
                        throw new FormatException($"timestamp '{csv["timestamp"]}' is not an ISO 8601 time");
                    }

                    var value = csv.Number(valueColumn) ?? throw new FormatException($"{valueColumn} is empty");
                    var source = csv["data source"];
                    samples.Add(withValue(new BodySample(time) { Manual = ExportSources.IsManual(source) }, value));
                }
                catch (FormatException e)
                {
                    errors.Add(new RecordError($"{csv.Name} line {csv.Line}", e.Message));
                }
            }
        }

        return new(samples, errors);
    }
}
