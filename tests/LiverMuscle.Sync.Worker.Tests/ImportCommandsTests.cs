using System.IO.Compression;
using System.Text;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary><c>import fitbit-export</c> of the .zip a Takeout download is, through the built executable against the real influxd.</summary>
public sealed class ImportCommandsTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-import-cli-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task AZippedExport_IsImported_AsASyncRun_WithTheImportedWeeksAdherenceComputed()
    {
        var database = await influx.NewDatabaseAsync("cliimport");
        var zip = Path.Combine(_directory.FullName, "takeout-20260301T101010Z-001.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            Add(archive, "Takeout/Fitbit/Global Export Data/exercise-0.json", """
                [ { "logId": 71234098812, "activityName": "Weights", "averageHeartRate": 104, "calories": 312, "duration": 3448000, "activeDuration": 3388000, "startTime": "02/03/25 18:05:12", "logType": "tracker" },
                  { "logId": 71234098813, "activityName": "Strength training", "duration": 2400000, "startTime": "02/05/25 18:00:00", "logType": "manual" } ]
                """);
            Add(archive, "Takeout/Fitbit/Global Export Data/weight-2025-02-01.json", """
                [ { "logId": 1738563161000, "weight": 191.8, "bmi": 25.98, "date": "02/03/25", "time": "06:12:41", "source": "Aria" } ]
                """);
            Add(archive, "Takeout/Fitbit/Global Export Data/heart_rate-2025-02-03.json", """[ { "dateTime": "02/03/25 18:05:15", "value": { "bpm": 101, "confidence": 2 } } ]""");
        }

        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = influx.Url.ToString();
        environment["LIVERMUSCLE__InfluxDb__Database"] = database;
        // No Google OAuth client: an export is read from files.

        var unpackedBefore = Unpacked();
        var (code, output, error) = await WorkerProcess.RunAsync(_directory.FullName, environment, "import", "fitbit-export", zip, "--user", "zoe");

        Assert.True(code == 0, error);
        Assert.Contains("fitbit for zoe: Ok, 3 records", output, StringComparison.Ordinal);
        Assert.Contains("from 2 files: 2 strength sessions and 1 weigh-ins read, 0 other activities ignored.", output, StringComparison.Ordinal);
        Assert.Contains("weight-*.json read in lb (the BMI of 1 weigh-in(s)", output, StringComparison.Ordinal);
        Assert.Equal(191.8 * 0.45359237, (await influx.ScalarAsync("SELECT \"weight_kg\" FROM \"body_composition\" WHERE \"user\" = 'zoe'", database))!.Value.GetDouble(), 5);
        Assert.Equal(1, await influx.CountAsync(database, "sync_run", "records", "\"user\" = 'zoe' AND \"provider\" = 'fitbit'"));
        var week = Assert.Single(await influx.RowsAsync(database, "SELECT * FROM \"adherence_weekly\" WHERE \"user\" = 'zoe' AND \"local_date\" = '2025-02-03'"));
        Assert.Equal((2L, 97.0), (week["sessions"].GetInt64(), Math.Round(week["resistance_min"].GetDouble())));
        Assert.Equal(unpackedBefore, Unpacked());
    }

    private static string[] Unpacked() => [.. Directory.EnumerateDirectories(Path.GetTempPath(), "livermuscle-export-*").Order()];

    private static void Add(ZipArchive archive, string name, string content)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }
}
