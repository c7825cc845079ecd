using System.Text.Json;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary><c>log session</c>, <c>log protein</c> and <c>import daily-totals</c> through the built executable against the real influxd.</summary>
public sealed class LogCommandsTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-log-cli-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task TheThreeManualEntries_AreStoredWithTheirValues_AtThePersonsLocalMidnight()
    {
        var database = await influx.NewDatabaseAsync("clilog");
        var environment = Environment(database);
        Assert.Equal(0, (await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "add", "kai", "--time-zone", "Asia/Tokyo")).ExitCode);

        var session = await WorkerProcess.RunAsync(_directory.FullName, environment, "log", "session", "--user", "kai", "--date", "2025-03-03", "--kind", "weights", "--minutes", "45");
        Assert.True(session.ExitCode == 0, session.Error);
        Assert.Contains("stored strength_session weights of 2025-03-03 (duration_s=2700) at local midnight 2025-03-02T15:00:00Z", session.Output, StringComparison.Ordinal);
        Assert.Contains("manual for kai: Ok, 1 records", session.Output, StringComparison.Ordinal);

        var protein = await WorkerProcess.RunAsync(_directory.FullName, environment, "log", "protein", "--user", "kai", "--date", "2025-03-04", "--grams", "110.5");
        Assert.True(protein.ExitCode == 0, protein.Error);

        var file = Path.Combine(_directory.FullName, "cronometer.csv");
        await File.WriteAllTextAsync(file, "Date,energy_kcal,protein_g,carbs_g\n2025-03-05,2100,95,240\n2025-03-06,1900,lots,200\n2025-03-07,,120.5,\n");
        var totals = await WorkerProcess.RunAsync(_directory.FullName, environment, "import", "daily-totals", file, "--user", "kai");
        Assert.Equal(3, totals.ExitCode);
        Assert.Equal("line 3: protein_g 'lots' is not a number (use a decimal point)", totals.Error.Trim());
        Assert.Contains("manual for kai: Ok, 2 records", totals.Output, StringComparison.Ordinal);

        var sessions = await influx.RowsAsync(database, "SELECT * FROM \"strength_session\" WHERE \"user\" = 'kai'");
        var stored = Assert.Single(sessions);
        Assert.Equal(("2025-03-02T15:00:00Z", "manual", "weights", 2700L), (stored["time"].GetString(), stored["source"].GetString(), stored["kind"].GetString(), stored["duration_s"].GetInt64()));
        var days = await influx.RowsAsync(database, "SELECT * FROM \"nutrition_daily\" WHERE \"user\" = 'kai' ORDER BY time");
        Assert.Equal(["2025-03-03T15:00:00Z", "2025-03-04T15:00:00Z", "2025-03-06T15:00:00Z"], days.Select(d => d["time"].GetString()));
        Assert.Equal([110.5, 95, 120.5], days.Select(d => d["protein_g"].GetDouble()));
        Assert.Equal((2100.0, 240.0), (days[1]["energy_kcal"].GetDouble(), days[1]["carbs_g"].GetDouble()));
        Assert.Equal(JsonValueKind.Null, days[2]["energy_kcal"].ValueKind);
        Assert.All(days, d => Assert.Equal("manual", d["source"].GetString()));
        Assert.Equal(3, await influx.CountAsync(database, "sync_run", "records", "\"provider\" = 'manual'"));
        Assert.NotEmpty(await influx.RowsAsync(database, "SELECT * FROM \"adherence_weekly\" WHERE \"user\" = 'kai' AND \"local_date\" = '2025-03-03'"));
    }

    [Fact]
    public async Task ABadValue_IsOneLineNamingTheOption_AndNothingIsStored()
    {
        var database = await influx.NewDatabaseAsync("clilog");
        var environment = Environment(database);
        Assert.Equal(0, (await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "add", "kai")).ExitCode);

        var kind = await WorkerProcess.RunAsync(_directory.FullName, environment, "log", "session", "--user", "kai", "--date", "2025-03-03", "--kind", "yoga", "--minutes", "45");
        Assert.Equal(2, kind.ExitCode);
        Assert.Equal("--kind: 'yoga' is not a session kind; use one of weights, strength_training, circuit_training, bodyweight, other", kind.Error.Trim());

        var date = await WorkerProcess.RunAsync(_directory.FullName, environment, "log", "protein", "--user", "kai", "--date", "03/04/2025", "--grams", "100");
        Assert.Equal(2, date.ExitCode);
        Assert.Equal("--date '03/04/2025' is not a day as yyyy-MM-dd (e.g. 2026-10-02).", date.Error.Trim());

        var unknown = await WorkerProcess.RunAsync(_directory.FullName, environment, "log", "protein", "--user", "nobody", "--date", "2025-03-04", "--grams", "100");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No person 'nobody'", unknown.Error, StringComparison.Ordinal);

        var header = Path.Combine(_directory.FullName, "no-header.csv");
        await File.WriteAllTextAsync(header, "2025-03-05,95\n");
        var file = await WorkerProcess.RunAsync(_directory.FullName, environment, "import", "daily-totals", header, "--user", "kai");
        Assert.Equal(2, file.ExitCode);
        Assert.StartsWith("file: the first line must be a header naming the columns: date and at least one of protein_g", file.Error.Trim(), StringComparison.Ordinal);

        Assert.Equal(0, await influx.CountAsync(database, "strength_session", "duration_s"));
        Assert.Equal(0, await influx.CountAsync(database, "nutrition_daily", "protein_g"));
    }

    private Dictionary<string, string> Environment(string database)
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = influx.Url.ToString();
        environment["LIVERMUSCLE__InfluxDb__Database"] = database;
        return environment;
    }
}
