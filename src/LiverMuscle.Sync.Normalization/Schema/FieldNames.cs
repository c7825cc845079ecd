namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>Field keys, grouped by measurement. Their types are pinned in <see cref="SchemaRegistry"/>.</summary>
public static class FieldNames
{
    public static class StrengthSession
    {
        public const string DurationS = "duration_s";
        public const string ActiveDurationS = "active_duration_s";
        public const string CaloriesKcal = "calories_kcal";
        public const string AvgHrBpm = "avg_hr_bpm";
        public const string SourceId = "source_id";
        public const string ActivityType = "activity_type";
    }

    public static class NutritionDaily
    {
        public const string ProteinG = "protein_g";
        public const string EnergyKcal = "energy_kcal";
        public const string CarbsG = "carbs_g";
        public const string FatG = "fat_g";
        public const string FiberG = "fiber_g";
        public const string Entries = "entries";
        public const string LocalDate = "local_date";
    }

    public static class BodyComposition
    {
        public const string WeightKg = "weight_kg";
        public const string FatRatioPct = "fat_ratio_pct";
        public const string FatMassKg = "fat_mass_kg";
        public const string FatFreeMassKg = "fat_free_mass_kg";
        public const string MuscleMassKg = "muscle_mass_kg";
        public const string BoneMassKg = "bone_mass_kg";
        public const string HydrationKg = "hydration_kg";
        public const string VisceralFatIndex = "visceral_fat_index";
        public const string ExtracellularWaterKg = "extracellular_water_kg";
        public const string IntracellularWaterKg = "intracellular_water_kg";
        public const string BasalMetabolicRateKcal = "basal_metabolic_rate_kcal";
        public const string SourceId = "source_id";
        public const string Manual = "manual";

        /// <summary>Segmental muscle mass, one field per body segment: <c>muscle_mass_kg_left_arm</c> etc.</summary>
        public static string SegmentMuscleMassKg(BodySegment segment) => MuscleMassKg + "_" + segment.FieldSuffix();

        /// <summary>Segmental fat mass, one field per body segment: <c>fat_mass_kg_trunk</c> etc.</summary>
        public static string SegmentFatMassKg(BodySegment segment) => FatMassKg + "_" + segment.FieldSuffix();
    }

    public static class HealthMarker
    {
        public const string Value = "value";
        public const string Unit = "unit";
    }

    public static class AdherenceWeekly
    {
        public const string Sessions = "sessions";
        public const string SessionsGoal = "sessions_goal";
        public const string ResistanceMin = "resistance_min";
        public const string ProteinDaysMet = "protein_days_met";
        public const string ProteinDaysLogged = "protein_days_logged";
        public const string ProteinGoalGPerKg = "protein_goal_g_per_kg";
        public const string ScorePct = "score_pct";
        public const string LocalDate = "local_date";
    }

    public static class AlertEvent
    {
        public const string Value = "value";
        public const string Threshold = "threshold";
        public const string Message = "message";
    }

    public static class SyncRun
    {
        public const string Records = "records";
        public const string Requests = "requests";
        public const string DurationMs = "duration_ms";
        public const string Error = "error";
        public const string Rejected = "rejected";
    }

    /// <summary>Point-in-time health of a (user, provider) connection and of the write path.</summary>
    public static class SyncHealth
    {
        public const string TokenExpiresInS = "token_expires_in_s";
        public const string NeedsReauthorization = "needs_reauthorization";
        public const string BudgetRemaining = "budget_remaining";
        public const string BudgetLimit = "budget_limit";
        public const string SpoolDepth = "spool_depth";
        public const string NotGranted = "not_granted";
        public const string Message = "message";
    }
}
