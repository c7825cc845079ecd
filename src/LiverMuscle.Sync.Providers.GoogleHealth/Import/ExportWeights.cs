using System.Text.Json;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>Weigh-ins and body fat of <c>weight-*.json</c>: local date and time, weight in <c>Fitbit:ExportWeightUnit</c>.</summary>
internal static class ExportWeights
{
    private const double PoundsToKilograms = 0.45359237;

    public static Point FromJson(string userId, JsonElement record, TimeZoneInfo zone, FitbitOptions options)
    {
        var at = ExportTimes.Local($"{record.GetProperty("date").GetString()} {record.GetProperty("time").GetString()}", zone);
        var weight = record.GetProperty("weight").GetDouble();
        var kg = options.ExportWeightUnit == "lb" ? weight * PoundsToKilograms : weight;
        if (kg is <= 0 or > 700)
        {
            throw new FormatException($"weight {weight} {options.ExportWeightUnit} is not plausible");
        }

        var builder = PointBuilder.For(Measurements.BodyComposition)
            .Tag(TagNames.User, userId)
            .Tag(TagNames.Source, Sources.Fitbit)
            .At(at)
            .Field(F.BodyComposition.WeightKg, Math.Round(kg, 6))
            .Field(F.BodyComposition.SourceId, record.GetProperty("logId").ToString())
            .Field(F.BodyComposition.Manual, record.TryGetProperty("source", out var source) && source.GetString() is "Web" or "API" or "Manual");
        if (record.TryGetProperty("fat", out var fat) && fat.ValueKind == JsonValueKind.Number && fat.GetDouble() is >= 0 and <= 100 and var pct)
        {
            builder.Field(F.BodyComposition.FatRatioPct, pct)
                .Field(F.BodyComposition.FatMassKg, Math.Round(kg * pct / 100, 6))
                .Field(F.BodyComposition.FatFreeMassKg, Math.Round(kg * (1 - pct / 100), 6));
        }

        return builder.Build();
    }
}
