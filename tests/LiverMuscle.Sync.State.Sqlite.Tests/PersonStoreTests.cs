using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class PersonStoreTests
{
    [Fact]
    public async Task AddThenSet_RoundTripsEveryValue_AndClearingAValueRestoresTheFallback()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var registry = state.Get<PersonRegistry>();

        var added = await registry.AddAsync("alice", new PersonChanges
        {
            DisplayName = "Alice A.",
            TimeZone = "Europe/Berlin",
            BirthDate = "1970-06-15",
            Sex = "Female",
            HeightM = "1.68",
            SessionsPerWeek = "3",
            ResistanceMinutesPerWeek = "90",
            ProteinGPerKgPerDay = "1.4",
            Recipients = ["alice@example.org", "coach@example.org"],
            WeightSource = "withings",
        }, CancellationToken.None);

        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        var stored = await state.Get<IPersonStore>().GetAsync("alice", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(added.Person, stored with { Recipients = added.Person!.Recipients });
        Assert.Equal(["alice@example.org", "coach@example.org"], stored.Recipients);
        Assert.Equal(new PersonGoals(3, 90, 1.4), stored.Goals);
        Assert.Equal(("Europe/Berlin", TimeZoneOrigin.Person, "female", 1.68, new DateOnly(1970, 6, 15)), (stored.TimeZone, stored.TimeZoneOrigin, stored.Sex, stored.HeightM!.Value, stored.BirthDate!.Value));

        state.Time.Advance(TimeSpan.FromHours(1));
        var changed = await registry.SetAsync("alice", new PersonChanges { SessionsPerWeek = "4", BirthDate = string.Empty, Recipients = [], TimeZone = string.Empty }, CancellationToken.None);

        Assert.True(changed.Succeeded);
        stored = await state.Get<IPersonStore>().GetAsync("alice", CancellationToken.None);
        Assert.Equal(new PersonGoals(4, 90, 1.4), stored!.Goals);
        Assert.Null(stored.BirthDate);
        Assert.Empty(stored.Recipients);
        Assert.Equal(("Europe/Berlin", TimeZoneOrigin.Default), (stored.TimeZone, stored.TimeZoneOrigin));
        Assert.Equal(state.Time.GetUtcNow(), stored.UpdatedAt);
        Assert.Equal(state.Time.GetUtcNow().AddHours(-1), stored.CreatedAt);
    }

    [Fact]
    public async Task Add_WithBadValues_StoresNothingAndNamesEachOne()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);

        var result = await state.Get<PersonRegistry>().AddAsync("bob", new PersonChanges
        {
            TimeZone = "Mars/Olympus",
            BirthDate = "2026-13-01",
            Sex = "x",
            HeightM = "176",
            SessionsPerWeek = "2.5",
            ProteinGPerKgPerDay = "abc",
            Recipients = ["not-an-address"],
            WeightSource = "scale",
        }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "time zone 'Mars/Olympus' is not an IANA time zone id known here (e.g. Europe/Berlin, America/New_York, UTC).",
                "birth date '2026-13-01' is not a date as yyyy-MM-dd.",
                "sex 'x' must be one of: male, female.",
                "height (m) '176' must be a number from 0.5 to 2.5.",
                "sessions per week '2.5' must be a whole number from 0 to 21.",
                "protein g/kg/day 'abc' must be a number from 0.1 to 5.",
                "recipient 'not-an-address' is not an e-mail address (name@example.org).",
                "weight source 'scale' must be one of: withings, fitbit.",
            ],
            result.Errors);
        Assert.Null(await state.Get<IPersonStore>().GetAsync("bob", CancellationToken.None));
    }

    [Theory]
    [InlineData("Alice")]
    [InlineData("bob\nsmith")]
    [InlineData("ends-with\\")]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("a/b")]
    public async Task Add_WithAnIdThatIsNoSlug_IsRefused(string id)
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);

        var result = await state.Get<PersonRegistry>().AddAsync(id, new PersonChanges(), CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("person id: '", error, StringComparison.Ordinal);
        Assert.Contains("is not a valid person id (a slug", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.Empty(await state.Get<IPersonStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Add_AnExistingId_IsRefusedAndChangesNothing()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var registry = state.Get<PersonRegistry>();
        await registry.AddAsync("alice", new PersonChanges { SessionsPerWeek = "3" }, CancellationToken.None);

        var again = await registry.AddAsync("alice", new PersonChanges { SessionsPerWeek = "5" }, CancellationToken.None);

        Assert.Equal("A person 'alice' exists already; change them with 'people set alice'.", Assert.Single(again.Errors));
        Assert.Equal(3, (await state.Get<IPersonStore>().GetAsync("alice", CancellationToken.None))!.Goals.SessionsPerWeek);
    }

    [Fact]
    public async Task Ensure_WithoutAZone_IsUtcUntilAProviderTells_AndTheProvidersZoneNeverBeatsThePersons_NorAnotherProviders()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        var registry = state.Get<PersonRegistry>();
        var people = state.Get<IPersonStore>();

        var created = await registry.EnsureAsync("carol", null, CancellationToken.None);
        Assert.True(created.Created);
        Assert.Equal(("UTC", TimeZoneOrigin.Default), (created.Person!.TimeZone, created.Person.TimeZoneOrigin));

        Assert.Equal(ProviderTimeZoneOutcome.Updated, await people.ReportProviderTimeZoneAsync("carol", "fitbit", "Asia/Tokyo", CancellationToken.None));
        Assert.Equal(ProviderTimeZoneOutcome.Unchanged, await people.ReportProviderTimeZoneAsync("carol", "fitbit", "Asia/Tokyo", CancellationToken.None));
        Assert.Equal(ProviderTimeZoneOutcome.UnknownZone, await people.ReportProviderTimeZoneAsync("carol", "fitbit", "Asia/Nowhere", CancellationToken.None));
        Assert.Equal(ProviderTimeZoneOutcome.UnknownPerson, await people.ReportProviderTimeZoneAsync("dave", "fitbit", "Asia/Tokyo", CancellationToken.None));
        Assert.Equal(ProviderTimeZoneOutcome.KeptOtherProvidersZone, await people.ReportProviderTimeZoneAsync("carol", "withings", "America/New_York", CancellationToken.None));
        Assert.Equal(ProviderTimeZoneOutcome.Unchanged, await people.ReportProviderTimeZoneAsync("carol", "withings", "Asia/Tokyo", CancellationToken.None));
        Assert.Equal(("Asia/Tokyo", TimeZoneOrigin.Provider), await ZoneAsync(people, "carol"));
        Assert.Equal(ProviderTimeZoneOutcome.Updated, await people.ReportProviderTimeZoneAsync("carol", "fitbit", "Asia/Seoul", CancellationToken.None));
        Assert.Equal(ProviderTimeZoneOutcome.Updated, await people.ReportProviderTimeZoneAsync("carol", "fitbit", "Asia/Tokyo", CancellationToken.None));
        Assert.Equal("Asia/Tokyo", (await state.Get<IUserStore>().GetTimeZoneAsync("carol", CancellationToken.None)).Id);

        await registry.SetAsync("carol", new PersonChanges { TimeZone = "Europe/Lisbon" }, CancellationToken.None);
        Assert.Equal(ProviderTimeZoneOutcome.KeptPersonsOwn, await people.ReportProviderTimeZoneAsync("carol", "fitbit", "Asia/Tokyo", CancellationToken.None));
        Assert.Equal(("Europe/Lisbon", TimeZoneOrigin.Person), await ZoneAsync(people, "carol"));

        var again = await registry.EnsureAsync("carol", null, CancellationToken.None);
        Assert.False(again.Created);
        Assert.Equal("Europe/Lisbon", again.Person!.TimeZone);
        Assert.Equal(("America/Chicago", TimeZoneOrigin.Person), (await registry.EnsureAsync("carol", "America/Chicago", CancellationToken.None)).Person is { } p ? (p.TimeZone, p.TimeZoneOrigin) : default);
    }

    [Fact]
    public async Task ConfigurationSeeds_AddTheirPeopleOnFirstUse_WithUtc()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path, null, services => services.AddSingleton<IPersonSeedSource>(new Seeds(("alice", "Markers:Users:alice"), ("bob", "Adherence:Users:bob"), ("alice", "Adherence:Users:alice"))));

        var people = await state.Get<IUserStore>().ListAsync(CancellationToken.None);

        Assert.Equal(["alice", "bob"], people.Select(p => p.Id));
        Assert.All(people, p => Assert.Equal("UTC", p.TimeZone));
    }

    private static async Task<(string, TimeZoneOrigin)> ZoneAsync(IPersonStore people, string id) =>
        (await people.GetAsync(id, CancellationToken.None)) is { } p ? (p.TimeZone, p.TimeZoneOrigin) : default;

    private sealed class Seeds(params (string PersonId, string Key)[] seeds) : IPersonSeedSource
    {
        IEnumerable<(string PersonId, string Key)> IPersonSeedSource.Seeds => seeds;
    }
}
