using System.Globalization;
using LiverMuscle.Sync.Normalization;
using LiverMuscle.Sync.Normalization.Schema;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Testing;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>A person authorised on a machine in UTC whose Withings account lives in Tokyo gets Tokyo's weeks.</summary>
public sealed class ProviderTimeZoneTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-zone-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task AuthOnAUtcMachine_ThenSync_AdherenceWeeksStartAtTokyoMidnight()
    {
        await using var sandbox = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 28, TimeZones = ["Asia/Tokyo"] }, CancellationToken.None);
        var environment = await WithingsEnvironment.ForAsync(_directory, influx, sandbox);
        environment["TZ"] = "UTC";
        var database = environment["LIVERMUSCLE__InfluxDb__Database"];
        await CliAuthorization.ConnectAsync(_directory, environment, "withings", "yua");
        Assert.Contains("time zone: UTC (default until a provider reports one)", (await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "show", "yua")).Output, StringComparison.Ordinal);

        var synced = await WorkerProcess.RunAsync(_directory.FullName, environment, "sync", "--user", "yua");
        Assert.True(synced.ExitCode == 0, synced.Error);

        Assert.Contains("time zone: Asia/Tokyo", (await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "show", "yua")).Output, StringComparison.Ordinal);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        using var weeks = await influx.ExecuteAsync($"SELECT \"{FieldNames.AdherenceWeekly.Sessions}\", \"{FieldNames.AdherenceWeekly.LocalDate}\" FROM \"{Measurements.AdherenceWeekly}\" WHERE \"user\" = 'yua'", database);
        var rows = weeks.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray().ToList();
        Assert.True(rows.Count >= 4, $"{rows.Count} weeks");
        var wid = Assert.Single(sandbox.UserIds);
        foreach (var row in rows)
        {
            var start = DateTimeOffset.Parse(row[0].GetString()!, CultureInfo.InvariantCulture);
            var monday = DateOnly.ParseExact(row[2].GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
            // Tokyo's Monday midnight is Sunday 15:00 UTC.
            Assert.Equal(LocalCalendar.StartOfDayUtc(monday, tokyo), start);
            Assert.Equal((DayOfWeek.Sunday, 15), (start.UtcDateTime.DayOfWeek, start.UtcDateTime.Hour));
            var end = LocalCalendar.StartOfDayUtc(monday.AddDays(7), tokyo);
            var sessions = sandbox.Workouts(wid).Count(w => w.Category is 16 or 540 or 17 or 546 && w.Duration >= TimeSpan.FromMinutes(5)
                && DateTimeOffset.FromUnixTimeSeconds(w.StartDate) >= start && DateTimeOffset.FromUnixTimeSeconds(w.StartDate) < end);
            if (end <= DateTimeOffset.UtcNow && start >= DateTimeOffset.UtcNow.AddDays(-29))
            {
                Assert.Equal(sessions, row[1].GetInt64());
            }
        }
    }
}
