using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Alerts.Tests;

/// <summary>Every built-in rule kind and a custom InfluxQL rule, judged on data seeded in the real InfluxDB.</summary>
[Collection(InfluxCollection.Name)]
public sealed class RuleKindTests(InfluxDbFixture influx) : IDisposable
{
    // Thursday 22 October 2026, 14:00 in Berlin.
    private static readonly DateTimeOffset Now = new(2026, 10, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("livermuscle-rules-test-");

    [Fact]
    public async Task EachRuleKind_JudgesTheSeededData()
    {
        var rules = new (string Id, Dictionary<string, string> Settings)[]
        {
            ("sessions", new() { ["Kind"] = "SessionsBehind", ["Weekday"] = "Thursday" }),
            ("sessions-friday", new() { ["Kind"] = "SessionsBehind", ["Weekday"] = "Friday" }),
            ("protein", new() { ["Kind"] = "ProteinBelowGoal", ["Days"] = "3" }),
            ("muscle", new() { ["Kind"] = "MuscleMassDrop", ["Days"] = "30", ["Threshold"] = "3" }),
            ("silent", new() { ["Kind"] = "SourceSilent", ["Measurement"] = "strength_session", ["Days"] = "2" }),
            ("scale-silent", new() { ["Kind"] = "SourceSilent", ["Measurement"] = "body_composition", ["Source"] = "withings", ["Days"] = "3" }),
            ("reauth", new() { ["Kind"] = "NeedsReauthorization" }),
            ("custom", new() { ["Kind"] = "InfluxQl", ["Query"] = "SELECT last(\"weight_kg\") FROM \"body_composition\" WHERE \"user\" = $user", ["Comparison"] = "Below", ["Threshold"] = "85" }),
            ("fib4", new() { ["Kind"] = "Fib4Band", ["Band"] = "High" }),
            ("albumin-low", new() { ["Kind"] = "MarkerBelow", ["Marker"] = "albumin", ["Threshold"] = "3.5" }),
        };
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < rules.Length; i++)
        {
            settings[$"Alerts:Rules:{i}:Id"] = rules[i].Id;
            settings[$"Alerts:Rules:{i}:Users:0"] = "alice";
            foreach (var (key, value) in rules[i].Settings)
            {
                settings[$"Alerts:Rules:{i}:{key}"] = value;
            }
        }

        var database = await influx.NewDatabaseAsync("rules");
        await using var harness = new AlertsHarness(influx.Url, database, _state.FullName, Now, settings);
        await harness.AddUserAsync("alice");
        await harness.WriteAsync(
            Points.Session("alice", new DateTimeOffset(2026, 10, 19, 16, 0, 0, TimeSpan.Zero)),
            Body(new DateTimeOffset(2026, 9, 25, 6, 0, 0, TimeSpan.Zero), weight: 80, muscle: 30.0),
            Body(new DateTimeOffset(2026, 10, 21, 6, 0, 0, TimeSpan.Zero), weight: 80, muscle: 28.8),
            Protein(new DateTimeOffset(2026, 10, 18, 22, 0, 0, TimeSpan.Zero), 80),
            Protein(new DateTimeOffset(2026, 10, 19, 22, 0, 0, TimeSpan.Zero), 80),
            Protein(new DateTimeOffset(2026, 10, 20, 22, 0, 0, TimeSpan.Zero), 104),
            Points.Marker("alice", "fib4", 2.8, "1", new DateTimeOffset(2026, 10, 1, 22, 0, 0, TimeSpan.Zero)),
            Points.Marker("alice", "albumin", 4.1, "g/dL", new DateTimeOffset(2026, 10, 1, 22, 0, 0, TimeSpan.Zero)));
        var tokens = harness.Get<ITokenStore>();
        await tokens.SaveTokenAsync("alice", "withings", new OAuthToken("a", "r", Now.AddHours(1), null, null), CancellationToken.None);
        await tokens.SetStatusAsync("alice", "withings", ConnectionStatus.NeedsReauthorization, "invalid_grant", CancellationToken.None);

        var outcomes = (await harness.EvaluateAsync(dryRun: true)).ToDictionary(o => o.RuleId, o => (o.After, o.Evaluation?.Value, o.Evaluation?.Threshold));

        var expected = new Dictionary<string, (AlertStatus, double?, double?)>
            {
                ["sessions"] = (AlertStatus.Firing, 1, 2), // 1 session by Thursday, goal 2
                ["sessions-friday"] = (AlertStatus.Ok, 1, 2), // not judged before Friday
                ["protein"] = (AlertStatus.Firing, 1.1, 1.2), // (80 + 80 + 104) / 3 / 80 kg = 1.1 g/kg
                ["muscle"] = (AlertStatus.Firing, 4, 3), // 30.0 -> 28.8 kg is a 4 % drop
                ["silent"] = (AlertStatus.Firing, 2.8, 2), // last session Monday 16:00Z
                ["scale-silent"] = (AlertStatus.Ok, 1.2, 3), // weighed 1.25 days ago
                ["reauth"] = (AlertStatus.Firing, 1, 0),
                ["custom"] = (AlertStatus.Firing, 80, 85),
                ["fib4"] = (AlertStatus.Firing, 2.8, 2.67),
                ["albumin-low"] = (AlertStatus.Ok, 4.1, 3.5),
            };
        foreach (var (rule, want) in expected)
        {
            Assert.True(want == outcomes[rule], $"{rule}: expected {want}, got {outcomes[rule]}");
        }

        Assert.Equal(expected.Count, outcomes.Count);
    }

    private static Point Body(DateTimeOffset time, double weight, double muscle) => PointBuilder.For(Measurements.BodyComposition)
        .Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Withings)
        .Field(FieldNames.BodyComposition.WeightKg, weight).Field(FieldNames.BodyComposition.MuscleMassKg, muscle).At(time).Build();

    private static Point Protein(DateTimeOffset day, double grams) => PointBuilder.For(Measurements.NutritionDaily)
        .Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Fitbit).Field(FieldNames.NutritionDaily.ProteinG, grams).At(day).Build();

    public void Dispose() => _state.Delete(recursive: true);
}
