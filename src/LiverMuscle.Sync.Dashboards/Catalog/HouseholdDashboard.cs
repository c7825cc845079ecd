using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Building;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Dashboards.Queries;
using LiverMuscle.Sync.Normalization.Schema;
using static LiverMuscle.Sync.Dashboards.Queries.Iql;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>Everyone at once, one row per user, so a coach sees who needs attention.</summary>
internal sealed class HouseholdDashboard : IDashboardDefinition
{
    public const string DashboardUid = "livermuscle-household";

    public string Uid => DashboardUid;

    private static readonly string ByUser = $"GROUP BY {Id(TagNames.User)}";
    private static readonly string LastWeek = "time > now() - 7d";

    public Dashboard Build() =>
        new DashboardBuilder(Uid, "Household / clinic overview", DashboardDefaults.Datasource)
            .Description("One row per user: training, protein, weigh-ins, latest markers and sync health.")
            .Tags(DashboardDefaults.Tag, "overview")
            .Time("now-90d")
            .Refresh("1h")
            .Add(WhoNeedsAttention(), SessionsPerWeekByUser(), AdherenceScoreByUser())
            .Build();

    /// <summary>Column title → InfluxQL, each query grouped by user; the table merges them on the user column.</summary>
    internal static IReadOnlyList<(string Column, string Query)> AttentionColumns() =>
    [
        ("Sessions (7 d)", $"SELECT {Aggregate("count", F.StrengthSession.DurationS, "Sessions (7 d)")} FROM {Id(Measurements.StrengthSession)} WHERE {LastWeek} {ByUser}"),
        ("Protein days met (last week)", $"SELECT {Aggregate("last", F.AdherenceWeekly.ProteinDaysMet, "Protein days met (last week)")} FROM {Id(Measurements.AdherenceWeekly)} WHERE {TimeFilter} {ByUser}"),
        ("Adherence %", $"SELECT {Aggregate("last", F.AdherenceWeekly.ScorePct, "Adherence %")} FROM {Id(Measurements.AdherenceWeekly)} WHERE {TimeFilter} {ByUser}"),
        ("Last weight kg", $"SELECT {Aggregate("last", F.BodyComposition.WeightKg, "Last weight kg")} FROM {Id(Measurements.BodyComposition)} WHERE {TimeFilter} {ByUser}"),
        ("Weigh-ins (7 d)", $"SELECT {Aggregate("count", F.BodyComposition.WeightKg, "Weigh-ins (7 d)")} FROM {Id(Measurements.BodyComposition)} WHERE {LastWeek} {ByUser}"),
        ("ALT U/L", LatestMarker(MarkerNames.Alt, "ALT U/L")),
        ("FIB-4", LatestMarker(MarkerNames.Fib4, "FIB-4")),
        ("CAP dB/m", LatestMarker(MarkerNames.Cap, "CAP dB/m")),
        ("Failed syncs (7 d)", $"SELECT {Aggregate("count", F.SyncRun.Records, "Failed syncs (7 d)")} FROM {Id(Measurements.SyncRun)} WHERE {Id(TagNames.Outcome)} = 'failed' AND {LastWeek} {ByUser}"),
        ("Needs re-authorisation", $"SELECT {Aggregate("last", F.SyncHealth.NeedsReauthorization, "Needs re-authorisation")} FROM {Id(Measurements.SyncHealth)} WHERE {TimeFilter} {ByUser}"),
    ];

    internal static PanelBuilder WhoNeedsAttention()
    {
        var panel = PanelBuilder.Table("Who needs attention")
            .Description("Latest values per user. Sessions and weigh-ins count the last 7 days; markers are the latest result in the dashboard's range.")
            .Size(24, 10)
            .Transform("organize", new JsonObject { ["excludeByName"] = new JsonObject { ["Time"] = true } })
            .Transform("merge", [])
            .SortBy("Sessions (7 d)", descending: false)
            .Mappings(new ValueMap(new Dictionary<string, ValueMappingResult>(StringComparer.Ordinal)
            {
                ["true"] = new("re-authorise", "red", 0),
                ["false"] = new("ok", "green", 1),
            }));
        foreach (var (_, query) in AttentionColumns())
        {
            panel.TableQuery(query);
        }

        return panel;
    }

    internal static PanelBuilder SessionsPerWeekByUser() =>
        PanelBuilder.TimeSeries("Strength sessions per week by user")
            .Query($"SELECT count({Id(F.StrengthSession.DurationS)}) AS \"sessions\" FROM {Id(Measurements.StrengthSession)} WHERE {TimeFilter} GROUP BY {Week}, {Id(TagNames.User)} fill(0)", "$tag_user")
            .Bars().Unit("short", 0).Range(0, null)
            .Thresholds("red", (AdherenceDashboard.SessionsGoal, "green")).DrawThresholds();

    internal static PanelBuilder AdherenceScoreByUser() =>
        PanelBuilder.TimeSeries("Weekly adherence score by user")
            .Query($"SELECT {Field(F.AdherenceWeekly.ScorePct, "score")} FROM {Id(Measurements.AdherenceWeekly)} WHERE {TimeFilter} {ByUser}", "$tag_user")
            .Points().Unit("percent", 0).Range(0, 100);

    private static string LatestMarker(string marker, string column) =>
        $"SELECT {Aggregate("last", F.HealthMarker.Value, column)} FROM {Id(Measurements.HealthMarker)} WHERE {MarkerIs(marker)} AND {TimeFilter} {ByUser}";
}
