using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Providers.Withings.Tests;

/// <summary>A person's zone comes from Withings' answers unless they set their own, and follows them when they move.</summary>
public sealed class TimeZoneTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    [Fact]
    public async Task ZoneWithingsReports_BecomesThePersons_UnlessTheySetTheirOwn()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 5, TimeZones = ["Asia/Tokyo"] }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var registry = stack.Services.GetRequiredService<PersonRegistry>();
        var people = stack.Services.GetRequiredService<IPersonStore>();
        await registry.EnsureAsync("nia", null, CancellationToken.None);
        await registry.EnsureAsync("oto", "Europe/Paris", CancellationToken.None);
        var (nia, oto) = (sandbox.CreateUser(), sandbox.CreateUser());
        await stack.ConnectDirectAsync("nia", nia, sandbox, TimeProvider.System);
        await stack.ConnectDirectAsync("oto", oto, sandbox, TimeProvider.System);
        Assert.Equal("UTC", (await people.GetAsync("nia", CancellationToken.None))!.TimeZone);

        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("nia", SyncMode.Incremental)).Outcome);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("oto", SyncMode.Incremental)).Outcome);

        Assert.Equal(("Asia/Tokyo", TimeZoneOrigin.Provider), Zone(await people.GetAsync("nia", CancellationToken.None)));
        Assert.Equal(("Europe/Paris", TimeZoneOrigin.Person), Zone(await people.GetAsync("oto", CancellationToken.None)));

        sandbox.SetTimeZone(nia, "America/New_York");
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("nia", SyncMode.Incremental)).Outcome);
        Assert.Equal(("America/New_York", TimeZoneOrigin.Provider), Zone(await people.GetAsync("nia", CancellationToken.None)));
    }

    [Fact]
    public async Task WorkoutsOfAPersonEastOfUtc_AreAllServed_ThoughWithingsFiltersByLocalDate()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 30, TimeZones = ["Pacific/Kiritimati"] }, CancellationToken.None);
        await using var stack = await WithingsStack.StartAsync(influx, sandbox, TimeProvider.System, scheduler: false);
        var wid = await stack.AuthorizeAsync("pip");

        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("pip", SyncMode.Backfill, DateTimeOffset.UtcNow.AddDays(-31))).Outcome);
        Assert.Equal(SyncOutcome.Ok, (await stack.SyncAsync("pip", SyncMode.Incremental)).Outcome);

        var durations = await InfluxReader.ValuesAsync(influx, stack.Database, Normalization.Schema.Measurements.StrengthSession, Normalization.Schema.FieldNames.StrengthSession.DurationS, "pip");
        Assert.Equal(sandbox.Workouts(wid).Where(StrengthSessions.Written).Select(w => w.Id).Order(), durations.Keys.Order());
    }

    private static (string, TimeZoneOrigin) Zone(Person? person) => (person!.TimeZone, person.TimeZoneOrigin);
}
