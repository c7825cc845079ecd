using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>The data kinds of a run read side by side, and share the one time zone read a run makes when it is due.</summary>
public sealed class KindsShareTheTimeZoneReadTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunWhenTheZoneIsDue_ReadsTheSettingsOnce_AndEveryKindUsesTheZoneItReported()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { TimeProvider = time, HistoryDays = 6, Seed = 31 }, CancellationToken.None);
        var healthUser = sandbox.CreateUser("Asia/Tokyo");
        await using var stack = await FitbitStack.StartAsync(influx, sandbox, time);
        await stack.AddPersonAsync("noa", time);
        await stack.AuthorizeAsync("noa", sandbox, time, loginHint: healthUser, ownZone: false);
        sandbox.SetTimeZone(healthUser, "Europe/Lisbon");
        time.Advance(TimeSpan.FromMinutes(61));

        var run = await stack.SyncAsync("noa", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        Assert.Equal(2, FitbitStack.RequestsTo(sandbox, healthUser, "/settings"));
        Assert.Equal("Europe/Lisbon", (await stack.Services.GetRequiredService<IPersonStore>().GetAsync("noa", CancellationToken.None))!.TimeZone);

        // Lisbon keeps UTC in November: every day of nutrition is stamped at UTC midnight, none at Tokyo's.
        using var json = await influx.ExecuteAsync($"SELECT {F.NutritionDaily.ProteinG} FROM {Measurements.NutritionDaily}", stack.Database);
        var stamps = json.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray()
            .Select(row => DateTimeOffset.Parse(row[0].GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(stamps);
        Assert.All(stamps, stamp => Assert.Equal(TimeSpan.Zero, stamp.UtcDateTime.TimeOfDay));
    }
}
