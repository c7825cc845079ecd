using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;

namespace LiverMuscle.Sync.Adherence.Tests;

/// <summary>Adherence reads the goals and weight source a person set, falling back to <c>Adherence:Users</c> and the defaults.</summary>
[Collection(InfluxCollection.Name)]
public sealed class PersonGoalsTests(InfluxDbFixture influx)
{
    private static readonly DateTimeOffset Oct25 = new(2026, 10, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AGoalThePersonSets_ChangesTheNextComputation_AndClearingItRestoresTheSeed()
    {
        var database = await influx.NewDatabaseAsync("goals");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database, new Dictionary<string, string?>
        {
            ["Adherence:Users:alice:SessionsPerWeek"] = "4",
        });
        await harness.WriteAsync(History.Points());
        var adherence = harness.Get<AdherenceService>();
        var registry = harness.Get<PersonRegistry>();

        var seeded = await WeekAsync(adherence);
        Assert.True((await registry.SetAsync("alice", new PersonChanges { SessionsPerWeek = "6", ProteinGPerKgPerDay = "1.25" }, CancellationToken.None)).Succeeded);
        var own = await WeekAsync(adherence);
        await registry.SetAsync("alice", new PersonChanges { SessionsPerWeek = string.Empty, ProteinGPerKgPerDay = string.Empty }, CancellationToken.None);
        var cleared = await WeekAsync(adherence);

        // Seed: 3 of 4 sessions, 4 of 7 days at 1.2 g/kg: mean(0.75, 4/7) = 66.1 %.
        Assert.Equal((4, 1.2, 66.1), (seeded.SessionsGoal, seeded.ProteinGoalGPerKg, seeded.ScorePct));
        // Own goals: 3 of 6 sessions, 1.25 g/kg met on 2 days: mean(0.5, 2/7) = 39.3 %.
        Assert.Equal((6, 1.25, 2, 39.3), (own.SessionsGoal, own.ProteinGoalGPerKg, own.ProteinDaysMet, own.ScorePct));
        Assert.Equal(seeded, cleared);
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData("withings", 4)]
    [InlineData("fitbit", 0)]
    public async Task TheWeightSourceThePersonChose_DecidesProteinPerKg(string? source, int daysMet)
    {
        var database = await influx.NewDatabaseAsync("weights");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database);
        // A tracker's 100 kg on Monday morning, between the scale's 80 kg (10th) and 75 kg (Thursday 22nd).
        var tracker = PointBuilder.For(Measurements.BodyComposition).Tag(TagNames.User, "alice").Tag(TagNames.Source, Sources.Fitbit)
            .Field(FieldNames.BodyComposition.WeightKg, 100.0).At(DateTimeOffset.Parse("2026-10-19T05:00:00Z", CultureInfo.InvariantCulture)).Build();
        await harness.WriteAsync([.. History.Points(), tracker]);
        await harness.Get<PersonRegistry>().SetAsync("alice", new PersonChanges { WeightSource = source ?? string.Empty }, CancellationToken.None);

        var week = await WeekAsync(harness.Get<AdherenceService>());

        // Any source: the tracker's 100 kg counts until Thursday, so only Thursday (90/75) and Sunday (100/75) reach 1.2.
        Assert.Equal(daysMet, week.ProteinDaysMet);
        Assert.Equal(6, week.ProteinDaysLogged);
    }

    [Fact]
    public async Task APersonNamedOnlyInAdherenceUsers_IsSeededAndGetsTheirGoals()
    {
        var database = await influx.NewDatabaseAsync("seed");
        await using var harness = await AdherenceHarness.StartAsync(influx.Url, database, new Dictionary<string, string?>
        {
            ["Adherence:Users:zed:SessionsPerWeek"] = "5",
        });

        var people = await harness.Get<IUserStore>().ListAsync(CancellationToken.None);
        var week = await harness.Get<AdherenceService>().ComputeWeekAsync("zed", Oct25, CancellationToken.None);

        Assert.Equal(["alice", "zed"], people.Select(p => p.Id));
        Assert.Equal("UTC", people.Single(p => p.Id == "zed").TimeZone);
        Assert.Equal(5, week.SessionsGoal);
    }

    private static async Task<AdherenceWeek> WeekAsync(AdherenceService adherence) =>
        (await adherence.RecomputeAsync("alice", Oct25, Oct25, CancellationToken.None)).Single();
}
