namespace LiverMuscle.Sync.Normalization.Schema;

/// <summary>The measurement names of the one InfluxDB schema every component shares.</summary>
public static class Measurements
{
    public const string StrengthSession = "strength_session";
    public const string NutritionDaily = "nutrition_daily";
    public const string BodyComposition = "body_composition";
    public const string HealthMarker = "health_marker";
    public const string AdherenceWeekly = "adherence_weekly";
    public const string AlertEvent = "alert_event";
    public const string SyncRun = "sync_run";
    public const string SyncHealth = "sync_health";
}
