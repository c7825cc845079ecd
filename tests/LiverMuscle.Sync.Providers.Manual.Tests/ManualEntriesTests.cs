using System.Text;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using F = LiverMuscle.Sync.Normalization.Schema.FieldNames;

namespace LiverMuscle.Sync.Providers.Manual.Tests;

[Collection(InfluxCollection.Name)]
public sealed class ManualEntriesTests(InfluxDbFixture influx) : IAsyncLifetime
{
    private ManualEntriesHarness _harness = null!;

    private string Database => _harness.Database;

    public async Task InitializeAsync() => _harness = await ManualEntriesHarness.StartAsync(influx.Url, await influx.NewDatabaseAsync("manual"));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task LogSession_StoresAManualSessionAtLocalMidnight_RecordsASyncRun_AndRecomputesTheWeek()
    {
        var result = await _harness.Entries.LogSessionAsync("kai", new DateOnly(2026, 11, 2), SessionKinds.Weights, 45, CancellationToken.None);

        Assert.True(result.Complete);
        var stored = Assert.Single(result.Stored);
        Assert.Equal((new DateOnly(2026, 11, 2), new DateTimeOffset(2026, 11, 1, 15, 0, 0, TimeSpan.Zero), "weights", 2700.0), (stored.Date, stored.Time, stored.Kind, stored.Values[F.StrengthSession.DurationS]));
        var row = Assert.Single(await influx.RowsAsync(Database, "SELECT * FROM \"strength_session\""));
        Assert.Equal(("2026-11-01T15:00:00Z", "kai", "manual", "weights", 2700L), (row["time"].GetString(), row["user"].GetString(), row["source"].GetString(), row["kind"].GetString(), row[F.StrengthSession.DurationS].GetInt64()));
        var run = Assert.Single(await _harness.Get<ISyncRunLog>().ListLatestAsync("kai", CancellationToken.None));
        Assert.Equal(("manual", SyncOutcome.Ok, 1), (run.Provider, run.Outcome, run.Records));
        var week = Assert.Single(await influx.RowsAsync(Database, "SELECT * FROM \"adherence_weekly\" WHERE \"user\" = 'kai'"));
        Assert.Equal(("2026-11-02", 1L, 45.0), (week[F.AdherenceWeekly.LocalDate].GetString(), week[F.AdherenceWeekly.Sessions].GetInt64(), week[F.AdherenceWeekly.ResistanceMin].GetDouble()));

        await _harness.Entries.LogSessionAsync("kai", new DateOnly(2026, 11, 2), SessionKinds.Weights, 50, CancellationToken.None);

        Assert.Equal(3000, (await influx.ScalarAsync("SELECT \"duration_s\" FROM \"strength_session\"", Database))!.Value.GetInt64());
        Assert.Equal(1, await influx.CountAsync(Database, Measurements.StrengthSession, F.StrengthSession.DurationS));
    }

    [Fact]
    public async Task LogSession_WithBadValues_NamesEachAndStoresNothing()
    {
        var result = await _harness.Entries.LogSessionAsync("kai", new DateOnly(2026, 11, 6), "yoga", 0, CancellationToken.None);

        Assert.Equal(
            ["date: 2026-11-06 is in the future (today is 2026-11-04 in Asia/Tokyo)", "kind: 'yoga' is not a session kind; use one of weights, strength_training, circuit_training, bodyweight, other", "minutes: 0 is not a session length; give 1 to 600 minutes"],
            result.Errors.Select(e => e.ToString()));
        Assert.Null(result.Run);
        Assert.Empty(result.Stored);
        Assert.Equal(0, await influx.CountAsync(Database, Measurements.StrengthSession, F.StrengthSession.DurationS));
        Assert.Empty(await _harness.Get<ISyncRunLog>().ListLatestAsync("kai", CancellationToken.None));
    }

    [Fact]
    public async Task LogProtein_StoresTheDaysProteinAtLocalMidnight_AndGivingItAgainReplacesIt()
    {
        var result = await _harness.Entries.LogProteinAsync("kai", new DateOnly(2026, 11, 3), 120.5, CancellationToken.None);

        Assert.True(result.Complete);
        var row = Assert.Single(await influx.RowsAsync(Database, "SELECT * FROM \"nutrition_daily\""));
        Assert.Equal(("2026-11-02T15:00:00Z", "manual", 120.5, "2026-11-03"), (row["time"].GetString(), row["source"].GetString(), row[F.NutritionDaily.ProteinG].GetDouble(), row[F.NutritionDaily.LocalDate].GetString()));
        var week = Assert.Single(await influx.RowsAsync(Database, "SELECT * FROM \"adherence_weekly\" WHERE \"user\" = 'kai'"));
        Assert.Equal(1, week[F.AdherenceWeekly.ProteinDaysLogged].GetInt64());

        await _harness.Entries.LogProteinAsync("kai", new DateOnly(2026, 11, 3), 98, CancellationToken.None);
        Assert.Equal(98, (await influx.ScalarAsync("SELECT \"protein_g\" FROM \"nutrition_daily\"", Database))!.Value.GetDouble());

        var refused = await _harness.Entries.LogProteinAsync("kai", new DateOnly(2026, 11, 3), -5, CancellationToken.None);
        Assert.Equal("grams: protein_g -5 must be a number of 0 or more", Assert.Single(refused.Errors).ToString());
        var tooMuch = await _harness.Entries.LogProteinAsync("kai", new DateOnly(2026, 11, 3), 1500, CancellationToken.None);
        Assert.Equal("grams: protein_g 1500 is more than a day's plausible 1000; check the unit (grams, kcal)", Assert.Single(tooMuch.Errors).ToString());
        Assert.Equal(98, (await influx.ScalarAsync("SELECT \"protein_g\" FROM \"nutrition_daily\"", Database))!.Value.GetDouble());
    }

    [Fact]
    public async Task DailyTotals_ColumnsInAnyOrder_MissingOptionalOnes_ABadRowNamedByItsLine_TheRestStored()
    {
        var csv = "fat_g,Date,protein_g,notes,energy_kcal\n70,2026-10-30,110,rest day,2100\n80,2026-10-31,abc,,\n,2026-11-01,95.5,\"long, walk\",\n\n65,2026-11-02,130,,2300.5\n";

        var result = await ImportAsync(csv);

        Assert.Equal("line 3: protein_g 'abc' is not a number (use a decimal point)", Assert.Single(result.Errors).ToString());
        Assert.Equal(["notes"], result.IgnoredColumns);
        Assert.Equal(["line 2", "line 4", "line 6"], result.Stored.Select(s => s.Location));
        Assert.Equal((SyncOutcome.Ok, 3), (result.Run!.Outcome, result.Run.Records));
        var rows = await influx.RowsAsync(Database, "SELECT * FROM \"nutrition_daily\" WHERE \"user\" = 'kai' ORDER BY time");
        Assert.Equal(["2026-10-29T15:00:00Z", "2026-10-31T15:00:00Z", "2026-11-01T15:00:00Z"], rows.Select(r => r["time"].GetString()));
        Assert.Equal((110.0, 70.0, 2100.0), (rows[0][F.NutritionDaily.ProteinG].GetDouble(), rows[0][F.NutritionDaily.FatG].GetDouble(), rows[0][F.NutritionDaily.EnergyKcal].GetDouble()));
        Assert.Equal((95.5, System.Text.Json.JsonValueKind.Null, "2026-11-01"), (rows[1][F.NutritionDaily.ProteinG].GetDouble(), rows[1][F.NutritionDaily.FatG].ValueKind, rows[1][F.NutritionDaily.LocalDate].GetString()));
        Assert.Equal(2300.5, rows[2][F.NutritionDaily.EnergyKcal].GetDouble());
        Assert.All(rows, r => Assert.Equal("manual", r["source"].GetString()));
    }

    [Fact]
    public async Task DailyTotals_RowsThatCannotBeADay_AreNamed()
    {
        var result = await ImportAsync("date,protein_g,fiber_g\n2026-11-01,100,30\n2026-11-01,101,\n01/11/2026,90,\n2026-11-05,80,\n2026-11-02,,\n2026-11-03,70,600\n");

        Assert.Equal(
            [
                "line 3: 2026-11-01 is given on line 2 already",
                "line 4: date '01/11/2026' is not yyyy-MM-dd",
                "line 5: 2026-11-05 is in the future (today is 2026-11-04 in Asia/Tokyo)",
                "line 6: no value in any of protein_g, fiber_g",
                "line 7: fiber_g 600 is more than a day's plausible 500; check the unit (grams, kcal)",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(1, await influx.CountAsync(Database, Measurements.NutritionDaily, F.NutritionDaily.ProteinG));
    }

    [Fact]
    public async Task DailyTotals_WithoutAHeader_IsRefusedAsAWhole()
    {
        var result = await ImportAsync("2026-11-01,100\n2026-11-02,110\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(EntryError.File, error.Location);
        Assert.Equal("the first line must be a header naming the columns: date and at least one of protein_g, energy_kcal, carbs_g, fat_g, fiber_g (it is '2026-11-01,100')", error.Reason);
        Assert.Null(result.Run);
        Assert.Equal("file: the file is empty; it needs a header naming the columns: date and at least one of protein_g, energy_kcal, carbs_g, fat_g, fiber_g", Assert.Single((await ImportAsync(string.Empty)).Errors).ToString());
        Assert.Equal("file: the header names 'protein_g' twice", Assert.Single((await ImportAsync("date,protein_g,Protein_g\n2026-11-01,1,2\n")).Errors).ToString());
    }

    [Fact]
    public async Task AnEntryForSomeoneUnknown_IsRefusedWhole()
    {
        var unknown = await Assert.ThrowsAsync<PersonNotFoundException>(() => _harness.Entries.LogProteinAsync("nobody", new DateOnly(2026, 11, 3), 100, CancellationToken.None));

        Assert.Contains("people add nobody", unknown.Message, StringComparison.Ordinal);
    }

    private async Task<ManualEntryResult> ImportAsync(string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await _harness.Entries.ImportDailyTotalsAsync("kai", content, CancellationToken.None);
    }
}
