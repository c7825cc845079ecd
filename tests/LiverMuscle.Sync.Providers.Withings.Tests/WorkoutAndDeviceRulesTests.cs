using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>Which workouts count, and that a record whose identity tags change keeps one point, also after an upgrade.</summary>
public sealed class WorkoutAndDeviceRulesTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Theory]
    [InlineData(null, 300)]
    [InlineData("00:01:00", 60)]
    public async Task ShortSessions_AreNotWritten_TheMinimumIsConfigurable(string? minimum, int seconds)
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 90, Seed = 5 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false,
            settings: minimum is null ? null : new Dictionary<string, string?> { ["Withings:MinimumSessionDuration"] = minimum });
        var wid = await stack.AuthorizeAsync("kai");
        Assert.Contains(sandbox.Workouts(wid), StrengthSessions.TooShort);

        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("kai", SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-91))).Outcome);

        var expected = sandbox.Workouts(wid).Where(w => (StrengthSessions.Written(w) || StrengthSessions.TooShort(w)) && w.Duration >= TimeSpan.FromSeconds(seconds));
        var durations = await InfluxReader.ValuesAsync(influx, stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS, "kai");
        Assert.Equal(expected.Select(w => w.Id).Order(), durations.Keys.Order());
    }

    [Fact]
    public async Task EditedCategoryThatChangesTheKind_LeavesOnePointOfTheNewKind()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 21 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("lou");
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("lou", SyncMode.Incremental)).Outcome);
        var since = DateTimeOffset.UtcNow.AddDays(-6).ToUnixTimeSeconds();
        var workout = sandbox.Workouts(wid).First(w => w.Category == 16 && StrengthSessions.Written(w) && w.StartDate > since);
        var at = $"time = '{DateTimeOffset.FromUnixTimeSeconds(workout.StartDate).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'";
        Assert.Equal(1, await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS, $"{at} AND \"kind\" = 'weights'"));

        sandbox.EditWorkoutCategory(wid, workout.Id, 17);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("lou", SyncMode.Incremental)).Outcome);

        Assert.Equal(1, await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS, at));
        Assert.Equal(1, await influx.CountAsync(stack.Database, Measurements.StrengthSession, F.StrengthSession.DurationS, $"{at} AND \"kind\" = 'bodyweight'"));
    }

    [Fact]
    public async Task BodyPlusWeighInsOfAnExistingInstallation_AreRetaggedWithoutDoubleCounting()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 45 }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = Enumerable.Range(0, 5).Select(_ => sandbox.CreateUser()).Single(id => sandbox.Groups(id).Any(g => g.Model == "Body+"));
        await stack.Services.GetRequiredService<PersonRegistry>().EnsureAsync("max", null, CancellationToken.None);
        await stack.ConnectDirectAsync("max", wid, sandbox, TimeProvider.System);
        var own = sandbox.Groups(wid).Where(g => g.IsOwn).ToList();

        // What an earlier version left: every Body+ weigh-in tagged device=body, and a ledger of the recent ones without their tags.
        await WriteAsync(stack.Database, own.Select(g =>
            $"body_composition,{(g.Model is null ? string.Empty : "device=body,")}source=withings,user=max weight_kg={g.Weight!.Value.ToString(CultureInfo.InvariantCulture)},source_id=\"{g.GrpId}\" {g.Date}"));
        var recent = DateTimeOffset.UtcNow.AddDays(-8).ToUnixTimeSeconds();
        var ledger = new JsonObject { ["records"] = new JsonObject(own.Where(g => g.Date >= recent).Select(g => KeyValuePair.Create(g.GrpId.ToString(CultureInfo.InvariantCulture), (JsonNode?)new JsonObject
        {
            ["t"] = g.Date,
            ["d"] = DateTimeOffset.FromUnixTimeSeconds(g.Date).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }))) };
        await stack.Services.GetRequiredService<IKeyValueStore>().SetAsync("withings/written/body_composition/max", ledger.ToJsonString(), secret: false, CancellationToken.None);
        Assert.Equal(own.Count(g => g.Model is not null), await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "\"device\" = 'body'"));

        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("max", SyncMode.Incremental)).Outcome);
        Assert.Equal(own.Count, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "\"user\" = 'max'"));

        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("max", SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-46))).Outcome);
        Assert.Equal(own.Count, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "\"user\" = 'max'"));
        Assert.Equal(0, await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "\"device\" = 'body'"));
        Assert.Equal(own.Count(g => g.Model is not null), await influx.CountAsync(stack.Database, Measurements.BodyComposition, F.BodyComposition.WeightKg, "\"device\" = 'body_plus'"));
    }

    private async Task WriteAsync(string database, IEnumerable<string> lines)
    {
        using var http = new HttpClient();
        using var answer = await http.PostAsync(new Uri(influx.Url, $"write?db={database}&precision=s"), new StringContent(string.Join('\n', lines)));
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }
}
