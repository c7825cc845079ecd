using System.Collections.Frozen;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;
using M = LiverMuscle.Sync.Normalization.Schema.Measurements;
using T = LiverMuscle.Sync.Normalization.Schema.TagNames;

namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>
/// The one place where each measurement's tag keys and field types are pinned. A point that names a field or tag
/// not listed here, or gives a field another type, is rejected before it reaches InfluxDB.
/// </summary>
internal static class SchemaRegistry
{
    private static readonly FrozenDictionary<string, MeasurementSchema> Schemas = Build().ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<MeasurementSchema> All => Schemas.Values;

    public static MeasurementSchema Get(string measurement) =>
        Schemas.TryGetValue(measurement, out var schema)
            ? schema
            : throw new SchemaViolationException($"Unknown measurement '{measurement}'.");

    public static bool TryGet(string measurement, out MeasurementSchema schema) =>
        Schemas.TryGetValue(measurement, out schema!);

    private static IEnumerable<MeasurementSchema> Build()
    {
        yield return new(M.StrengthSession, [T.User, T.Source, T.Kind], new Dictionary<string, FieldType>
        {
            [F.StrengthSession.DurationS] = FieldType.Integer,
            [F.StrengthSession.ActiveDurationS] = FieldType.Integer,
            [F.StrengthSession.CaloriesKcal] = FieldType.Integer,
            [F.StrengthSession.AvgHrBpm] = FieldType.Integer,
            [F.StrengthSession.SourceId] = FieldType.String,
            [F.StrengthSession.ActivityType] = FieldType.String,
        });

        yield return new(M.NutritionDaily, [T.User, T.Source], new Dictionary<string, FieldType>
        {
            [F.NutritionDaily.ProteinG] = FieldType.Float,
            [F.NutritionDaily.EnergyKcal] = FieldType.Float,
            [F.NutritionDaily.CarbsG] = FieldType.Float,
            [F.NutritionDaily.FatG] = FieldType.Float,
            [F.NutritionDaily.FiberG] = FieldType.Float,
            [F.NutritionDaily.Entries] = FieldType.Integer,
            [F.NutritionDaily.LocalDate] = FieldType.String,
        });

        var body = new Dictionary<string, FieldType>
        {
            [F.BodyComposition.WeightKg] = FieldType.Float,
            [F.BodyComposition.FatRatioPct] = FieldType.Float,
            [F.BodyComposition.FatMassKg] = FieldType.Float,
            [F.BodyComposition.FatFreeMassKg] = FieldType.Float,
            [F.BodyComposition.MuscleMassKg] = FieldType.Float,
            [F.BodyComposition.BoneMassKg] = FieldType.Float,
            [F.BodyComposition.HydrationKg] = FieldType.Float,
            [F.BodyComposition.VisceralFatIndex] = FieldType.Float,
            [F.BodyComposition.ExtracellularWaterKg] = FieldType.Float,
            [F.BodyComposition.IntracellularWaterKg] = FieldType.Float,
            [F.BodyComposition.BasalMetabolicRateKcal] = FieldType.Float,
            [F.BodyComposition.SourceId] = FieldType.String,
            [F.BodyComposition.Manual] = FieldType.Boolean,
        };
        foreach (var segment in Enum.GetValues<BodySegment>())
        {
            body[F.BodyComposition.SegmentMuscleMassKg(segment)] = FieldType.Float;
            body[F.BodyComposition.SegmentFatMassKg(segment)] = FieldType.Float;
        }

        yield return new(M.BodyComposition, [T.User, T.Source, T.Device], body);

        yield return new(M.HealthMarker, [T.User, T.Marker, T.Source], new Dictionary<string, FieldType>
        {
            [F.HealthMarker.Value] = FieldType.Float,
            [F.HealthMarker.Unit] = FieldType.String,
        });

        yield return new(M.AdherenceWeekly, [T.User], new Dictionary<string, FieldType>
        {
            [F.AdherenceWeekly.Sessions] = FieldType.Integer,
            [F.AdherenceWeekly.SessionsGoal] = FieldType.Integer,
            [F.AdherenceWeekly.ResistanceMin] = FieldType.Float,
            [F.AdherenceWeekly.ProteinDaysMet] = FieldType.Integer,
            [F.AdherenceWeekly.ProteinDaysLogged] = FieldType.Integer,
            [F.AdherenceWeekly.ProteinGoalGPerKg] = FieldType.Float,
            [F.AdherenceWeekly.ScorePct] = FieldType.Float,
            [F.AdherenceWeekly.LocalDate] = FieldType.String,
        });

        yield return new(M.AlertEvent, [T.User, T.Rule, T.State], new Dictionary<string, FieldType>
        {
            [F.AlertEvent.Value] = FieldType.Float,
            [F.AlertEvent.Threshold] = FieldType.Float,
            [F.AlertEvent.Message] = FieldType.String,
        });

        yield return new(M.SyncRun, [T.User, T.Provider, T.Outcome], new Dictionary<string, FieldType>
        {
            [F.SyncRun.Records] = FieldType.Integer,
            [F.SyncRun.Requests] = FieldType.Integer,
            [F.SyncRun.DurationMs] = FieldType.Integer,
            [F.SyncRun.Rejected] = FieldType.Integer,
            [F.SyncRun.Error] = FieldType.String,
        });

        yield return new(M.SyncHealth, [T.User, T.Provider], new Dictionary<string, FieldType>
        {
            [F.SyncHealth.TokenExpiresInS] = FieldType.Integer,
            [F.SyncHealth.NeedsReauthorization] = FieldType.Boolean,
            [F.SyncHealth.BudgetRemaining] = FieldType.Integer,
            [F.SyncHealth.BudgetLimit] = FieldType.Integer,
            [F.SyncHealth.SpoolDepth] = FieldType.Integer,
            [F.SyncHealth.NotGranted] = FieldType.String,
            [F.SyncHealth.Message] = FieldType.String,
        });
    }
}
