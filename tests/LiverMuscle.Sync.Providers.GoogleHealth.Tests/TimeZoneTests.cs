using System.Globalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Providers.GoogleHealth.Grants;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Tests;

/// <summary>A person's time zone comes from their Google Health settings, never from the machine the worker runs on.</summary>
public sealed class TimeZoneTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The data kinds of a run read side by side, and share the one time zone read a run makes when it is due.</summary>
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

    [Fact]
    public async Task PersonAuthorisedOnAUtcMachine_WhoseSettingsSayTokyo_GetsDaysStampedAtTokyoMidnight()
    {
        await using var tokyoPerson = await TokyoAsync("kai", historyDays: 12, seed: 21);
        var (time, sandbox, stack, tokyo) = (tokyoPerson.Time, tokyoPerson.Sandbox, tokyoPerson.Stack, tokyoPerson.HealthUserId);

        await stack.AuthorizeAsync("kai", sandbox, time, loginHint: tokyo, ownZone: false);
        var run = await stack.SyncAsync("kai", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        var person = (await stack.Services.GetRequiredService<IPersonStore>().GetAsync("kai", CancellationToken.None))!;
        Assert.Equal(("Asia/Tokyo", TimeZoneOrigin.Provider), (person.TimeZone, person.TimeZoneOrigin));
        var days = await NutritionDaysAsync(stack.Database);
        var expected = sandbox.NutritionLogs(tokyo).Select(n => DateOnly.FromDateTime(n.Start.UtcDateTime.AddHours(9))).Where(d => d >= DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-13)).ToHashSet();
        Assert.Equal(expected.Order(), days.Keys.Order());
        Assert.All(days, day => Assert.Equal(day.Key.AddDays(-1).ToDateTime(new TimeOnly(15, 0)), day.Value.UtcDateTime));
    }

    [Fact]
    public async Task TimeZone_IsReadAgainOnceTheIntervalPassed_AndTheZoneThePersonSetWins()
    {
        await using var tokyoPerson = await TokyoAsync("lea", historyDays: 5, seed: 22);
        var (time, sandbox, stack, tokyo) = (tokyoPerson.Time, tokyoPerson.Sandbox, tokyoPerson.Stack, tokyoPerson.HealthUserId);
        var people = stack.Services.GetRequiredService<IPersonStore>();
        await stack.AuthorizeAsync("lea", sandbox, time, loginHint: tokyo, ownZone: false);
        Assert.Equal(1, Settings(sandbox, tokyo));

        sandbox.SetTimeZone(tokyo, "Europe/Lisbon");
        await stack.SyncAsync("lea", SyncMode.Incremental);
        Assert.Equal((1, "Asia/Tokyo"), (Settings(sandbox, tokyo), (await people.GetAsync("lea", CancellationToken.None))!.TimeZone));

        time.Advance(TimeSpan.FromMinutes(61));
        await stack.SyncAsync("lea", SyncMode.Incremental);
        Assert.Equal((2, "Europe/Lisbon"), (Settings(sandbox, tokyo), (await people.GetAsync("lea", CancellationToken.None))!.TimeZone));

        await stack.Services.GetRequiredService<IUserStore>().UpsertAsync(new UserRecord("lea", "America/Bogota", time.GetUtcNow()), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(61));
        await stack.SyncAsync("lea", SyncMode.Incremental);
        var person = (await people.GetAsync("lea", CancellationToken.None))!;
        Assert.Equal((3, "America/Bogota", TimeZoneOrigin.Person), (Settings(sandbox, tokyo), person.TimeZone, person.TimeZoneOrigin));
    }

    [Fact]
    public async Task WithoutTheSettingsScope_TheSettingsAreNeverCalled_TheZoneStays_AndTheGrantSaysSo()
    {
        await using var tokyoPerson = await TokyoAsync("max", historyDays: 5, seed: 23);
        var (time, sandbox, stack, tokyo) = (tokyoPerson.Time, tokyoPerson.Sandbox, tokyoPerson.Stack, tokyoPerson.HealthUserId);
        sandbox.UncheckScopesOnNextConsent(GoogleHealthScopes.Settings);

        await stack.AuthorizeAsync("max", sandbox, time, loginHint: tokyo, ownZone: false);
        time.Advance(TimeSpan.FromHours(2));
        var run = await stack.SyncAsync("max", SyncMode.Incremental);

        Assert.Equal(SyncOutcome.Ok, run.Outcome);
        Assert.Equal(0, Settings(sandbox, tokyo));
        Assert.Equal("UTC", (await stack.Services.GetRequiredService<IPersonStore>().GetAsync("max", CancellationToken.None))!.TimeZone);
        var connection = (await stack.Services.GetRequiredService<ITokenStore>().GetAsync("max", ProviderNames.Fitbit, CancellationToken.None))!;
        var missing = Assert.Single(stack.Services.GetRequiredService<GoogleGrants>().NotGranted(connection));
        Assert.Equal(GoogleScopes.TimeZone, missing.DataKind);
        Assert.Contains("'settings' permission", missing.Remedy, StringComparison.Ordinal);
        Assert.True(await influx.CountAsync(stack.Database, Measurements.NutritionDaily, F.NutritionDaily.ProteinG) > 0);
    }

    /// <summary>A sandbox on fake time with a user in Tokyo, and the stack with <paramref name="userId"/> added as <c>people add</c> does (UTC).</summary>
    private async Task<TokyoPerson> TokyoAsync(string userId, int historyDays, int seed)
    {
        var time = new FakeTimeProvider(Start);
        var sandbox = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { TimeProvider = time, HistoryDays = historyDays, Seed = seed }, CancellationToken.None);
        var tokyo = sandbox.CreateUser("Asia/Tokyo");
        var stack = await FitbitStack.StartAsync(influx, sandbox, time);
        await stack.AddPersonAsync(userId, time);
        return new TokyoPerson(time, sandbox, stack, tokyo);
    }

    private static int Settings(GoogleHealthSandbox sandbox, string healthUserId) => FitbitStack.RequestsTo(sandbox, healthUserId, "/settings");

    private async Task<Dictionary<DateOnly, DateTimeOffset>> NutritionDaysAsync(string database)
    {
        using var json = await influx.ExecuteAsync($"SELECT {F.NutritionDaily.LocalDate}, {F.NutritionDaily.ProteinG} FROM {Measurements.NutritionDaily}", database);
        var days = new Dictionary<DateOnly, DateTimeOffset>();
        foreach (var row in json.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray())
        {
            days[DateOnly.ParseExact(row[1].GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)] = DateTimeOffset.Parse(row[0].GetString()!, CultureInfo.InvariantCulture);
        }

        return days;
    }

    private sealed record TokyoPerson(FakeTimeProvider Time, GoogleHealthSandbox Sandbox, FitbitStack Stack, string HealthUserId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stack.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }
}
