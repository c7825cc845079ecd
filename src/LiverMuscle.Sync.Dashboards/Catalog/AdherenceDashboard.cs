using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Building;
using LiverMuscle.Sync.Dashboards.Model;
using LiverMuscle.Sync.Dashboards.Queries;
using LiverMuscle.Sync.Normalization.Schema;
using static LiverMuscle.Sync.Dashboards.Queries.Iql;
using Adh = LiverMuscle.Sync.Normalization.Schema.FieldNames.AdherenceWeekly;
using Body = LiverMuscle.Sync.Normalization.Schema.FieldNames.BodyComposition;
using Food = LiverMuscle.Sync.Normalization.Schema.FieldNames.NutritionDaily;
using Session = LiverMuscle.Sync.Normalization.Schema.FieldNames.StrengthSession;

namespace LiverMuscle.Sync.Dashboards.Catalog;

/// <summary>
/// "Am I doing my strength sessions and eating enough protein, and are muscle, fat and liver moving the right way?"
/// One person at a time (<c>$user</c>), six months by default.
/// </summary>
public sealed class AdherenceDashboard : IDashboardDefinition
{
    public const string DashboardUid = "livermuscle-adherence";

    /// <summary>Default goals drawn as reference lines (design.md; the per-user goals are in <c>adherence_weekly</c>).</summary>
    public const double SessionsGoal = 2;

    public const double ProteinGoalGPerKg = 1.2;

    public string Uid => DashboardUid;

    private static readonly string Strength = Id(Measurements.StrengthSession);
    private static readonly string Nutrition = Id(Measurements.NutritionDaily);
    private static readonly string BodyComp = Id(Measurements.BodyComposition);
    private static readonly string Markers = Id(Measurements.HealthMarker);
    private static readonly string Weekly = Id(Measurements.AdherenceWeekly);
    private static readonly string Where = $"WHERE {UserFilter} AND {TimeFilter}";

    public Dashboard Build() =>
        new DashboardBuilder(Uid, "Adherence vs markers", DashboardDefaults.Datasource)
            .Description("Strength training and protein adherence against body composition and liver markers. Thresholds are reference values for orientation, not diagnoses.")
            .Tags(DashboardDefaults.Tag, "adherence")
            .Time("now-6M")
            .Refresh("1h")
            .TagVariable("user", "User", TagNames.User, multi: false)
            .Annotation("Alert transitions", "rgba(245, 54, 54, 1)", AlertTransitions(), new Dictionary<string, AnnotationMapping>(StringComparer.Ordinal)
            {
                ["text"] = new(FieldNames.AlertEvent.Message),
                ["tags"] = new(TagNames.Rule),
                ["title"] = new(TagNames.State),
            })
            .Add(
                SessionsPerWeek(),
                ResistanceMinutesPerWeek(),
                ProteinPerKgPerDay(),
                ProteinDaysMetPerWeek(),
                WeeklyAdherenceScore(),
                AdherenceVsMuscleChange(),
                BodyMass(),
                FatRatio(),
                Alt(),
                Ast(),
                Ggt(),
                Fib4(),
                Cap(),
                LiverStiffness(),
                GripStrength(),
                ChairStand())
            .Build();

    internal static string AlertTransitions() =>
        $"SELECT {Id(FieldNames.AlertEvent.Message)}, {Id(FieldNames.AlertEvent.Value)}, {Id(FieldNames.AlertEvent.Threshold)}, {Id(TagNames.Rule)}, {Id(TagNames.State)} " +
        $"FROM {Id(Measurements.AlertEvent)} {Where}";

    internal static PanelBuilder SessionsPerWeek() =>
        PanelBuilder.TimeSeries("Strength sessions per week")
            .Description("Resistance sessions per calendar week (Monday to Sunday, UTC) against the weekly goal.")
            .Query($"SELECT {Aggregate("count", Session.DurationS, "sessions")} FROM {Strength} {Where} GROUP BY {Week} fill(0)", "sessions")
            .Query($"SELECT {Field(Adh.SessionsGoal, "goal")} FROM {Weekly} {Where}", "goal")
            .Bars().Unit("short", 0).Range(0, null)
            .Thresholds("red", (SessionsGoal, "green")).DrawThresholds();

    internal static PanelBuilder ResistanceMinutesPerWeek() =>
        PanelBuilder.TimeSeries("Resistance minutes per week")
            .Query($"SELECT sum({Id(Session.DurationS)}) / 60 AS \"minutes\" FROM {Strength} {Where} GROUP BY {Week} fill(0)", "minutes")
            .Bars().Unit("m", 0).Range(0, null);

    internal static PanelBuilder ProteinPerKgPerDay() =>
        PanelBuilder.TimeSeries("Protein per kg body weight per day")
            .Description("Daily protein divided by the latest weight on or before that day, against the goal.")
            .Query($"SELECT {Aggregate("sum", Food.ProteinG, "protein_g")} FROM {Nutrition} {Where} GROUP BY time(1d) fill(none)", "protein_g")
            .Query($"SELECT {Aggregate("last", Body.WeightKg, "weight_kg")} FROM {BodyComp} {Where} GROUP BY time(1d) fill(previous)", "weight_kg")
            .Query($"SELECT {Field(Adh.ProteinGoalGPerKg, "goal")} FROM {Weekly} {Where}", "goal")
            .Transform("calculateField", new JsonObject
            {
                ["mode"] = "binary",
                ["binary"] = new JsonObject { ["left"] = "protein_g", ["operator"] = "/", ["right"] = "weight_kg" },
                ["alias"] = "protein g/kg",
                ["timeSeries"] = true,
            })
            .Transform("organize", new JsonObject { ["excludeByName"] = new JsonObject { ["protein_g"] = true, ["weight_kg"] = true } })
            .Points().Unit("none", 2).Range(0, null)
            .Thresholds("red", (ProteinGoalGPerKg, "green")).DrawThresholds();

    internal static PanelBuilder ProteinDaysMetPerWeek() =>
        PanelBuilder.TimeSeries("Protein days met per week")
            .Query($"SELECT {Field(Adh.ProteinDaysMet, "days met")}, {Field(Adh.ProteinDaysLogged, "days logged")} FROM {Weekly} {Where}")
            .Bars().Unit("short", 0).Range(0, 7);

    internal static PanelBuilder WeeklyAdherenceScore() =>
        PanelBuilder.TimeSeries("Weekly adherence score")
            .Description("Share of the week's goals met (sessions, protein days).")
            .Query($"SELECT {Field(Adh.ScorePct, "score")} FROM {Weekly} {Where}", "score")
            .Bars().Unit("percent", 0).Range(0, 100)
            .Thresholds("red", (50, "orange"), (100, "green")).ColorByThresholds();

    internal static PanelBuilder AdherenceVsMuscleChange() =>
        PanelBuilder.TimeSeries("Adherence vs change in muscle mass")
            .Description("Weekly adherence score (%) and the week-on-week change of muscle mass (g) on one time axis.")
            .Query($"SELECT {Field(Adh.ScorePct, "adherence %")} FROM {Weekly} {Where}", "adherence %")
            .Query($"SELECT difference(last({Id(Body.MuscleMassKg)})) * 1000 AS \"muscle change g\" FROM {BodyComp} {Where} GROUP BY {Week} fill(none)", "muscle change g")
            .Points().Unit("short", 0).AxisLabel("% / g");

    internal static PanelBuilder BodyMass() =>
        PanelBuilder.TimeSeries("Weight, muscle mass and fat-free mass")
            .Query($"SELECT {Aggregate("mean", Body.WeightKg, "weight")}, {Aggregate("mean", Body.MuscleMassKg, "muscle mass")}, {Aggregate("mean", Body.FatFreeMassKg, "fat-free mass")} FROM {BodyComp} {Where} GROUP BY time({Interval}) fill(none)")
            .MinInterval("1d").Unit("masskg", 1);

    internal static PanelBuilder FatRatio() =>
        PanelBuilder.TimeSeries("Fat ratio")
            .Query($"SELECT {Aggregate("mean", Body.FatRatioPct, "fat ratio")} FROM {BodyComp} {Where} GROUP BY time({Interval}) fill(none)", "fat ratio")
            .MinInterval("1d").Unit("percent", 1);

    internal static PanelBuilder Alt() => Marker("ALT", MarkerNames.Alt, "suffix: U/L", "Upper reference limit 33 U/L (men; 25 U/L women).", ("green", [(33, "red")]));

    internal static PanelBuilder Ast() => Marker("AST", MarkerNames.Ast, "suffix: U/L", "Upper reference limit 33 U/L.", ("green", [(33, "red")]));

    internal static PanelBuilder Ggt() => Marker("GGT", MarkerNames.Ggt, "suffix: U/L", "Upper reference limit 40 U/L.", ("green", [(40, "red")]));

    internal static PanelBuilder Fib4() => Marker("FIB-4", MarkerNames.Fib4, "none", "Below 1.3 low risk, above 2.67 high risk (age 36-64).", ("green", [(1.3, "orange"), (2.67, "red")]));

    internal static PanelBuilder Cap() => Marker("CAP", MarkerNames.Cap, "suffix: dB/m", "248 dB/m or more suggests steatosis.", ("green", [(248, "red")]));

    internal static PanelBuilder LiverStiffness() => Marker("Liver stiffness", MarkerNames.LiverStiffness, "pressurekpa", "8 kPa or more warrants follow-up.", ("green", [(8, "red")]));

    internal static PanelBuilder GripStrength() => Marker("Grip strength", MarkerNames.GripStrength, "masskg", "Below 27 kg (men) / 16 kg (women) is a sarcopenia signal (EWGSOP2).", ("red", [(16, "orange"), (27, "green")]));

    internal static PanelBuilder ChairStand() => Marker("Chair stand (5 times)", MarkerNames.ChairStand5x, "s", "More than 15 s is a sarcopenia signal (EWGSOP2).", ("green", [(15, "red")]));

    private static PanelBuilder Marker(string title, string marker, string unit, string reference, (string Base, (double, string)[] Steps) thresholds) =>
        PanelBuilder.TimeSeries(title)
            .Description(reference + " Reference values, not a diagnosis.")
            .Query($"SELECT {Aggregate("mean", FieldNames.HealthMarker.Value, title)} FROM {Markers} WHERE {UserFilter} AND {MarkerIs(marker)} AND {TimeFilter} GROUP BY time({Interval}) fill(none)", title)
            .MinInterval("1d").Points().Unit(unit, 1).Size(8, 7)
            .Thresholds(thresholds.Base, thresholds.Steps).DrawThresholds();
}
