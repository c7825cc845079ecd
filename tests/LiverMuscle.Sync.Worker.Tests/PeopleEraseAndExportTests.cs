using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.VisualBasic.FileIO;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>
/// A person connected at both sandboxes, with synced history, a marker, an alert and adherence, is exported and then
/// erased through the real executable; another person's data stays.
/// </summary>
public sealed class PeopleEraseAndExportTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-erase-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task ExportThenRemove_ExportHoldsEverything_RemoveLeavesNoRowNoSeriesAndRevokesAtBothProviders()
    {
        await using var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 20 }, CancellationToken.None);
        await using var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 20 }, CancellationToken.None);
        using var publicEndpoint = new AcceptEverything();
        var database = await influx.NewDatabaseAsync("erase");
        var environment = Environment(withings, google, database, publicEndpoint.Url);

        await CliAuthorization.ConnectAsync(_directory, environment, "withings", "zoe");
        await CliAuthorization.ConnectAsync(_directory, environment, "fitbit", "zoe");
        await CliAuthorization.ConnectAsync(_directory, environment, "withings", "bob");
        var (zoeWithings, bobWithings) = (withings.UserIds.Min(), withings.UserIds.Max());
        var zoeGoogle = Assert.Single(google.UserIds);
        var since = DateTimeOffset.UtcNow.AddDays(-21).ToString("yyyy-MM-dd");
        foreach (var (user, provider) in new[] { ("zoe", "withings"), ("zoe", "fitbit"), ("bob", "withings") })
        {
            await RunOkAsync(environment, "backfill", "--user", user, "--provider", provider, "--since", since);
        }

        await RunOkAsync(environment, "markers", "add", "--user", "zoe", "--marker", "alt", "--value", "41", "--unit", "U/L", "--date", "2026-10-02");
        await RunOkAsync(environment, "alerts", "evaluate");
        await RunOkAsync(environment, "people", "set", "zoe", "--sessions-per-week", "7", "--training-days", "mon,thu", "--protein-reminder-hour", "20");
        await RunOkAsync(environment, "sync", "--user", "zoe", "--provider", "withings");
        Assert.Equal(7, (await influx.ScalarAsync("SELECT last(\"sessions_goal\") FROM \"adherence_weekly\" WHERE \"user\" = 'zoe'", database))!.Value.GetInt64());
        Assert.Equal(2, withings.Subscriptions(zoeWithings).Count);
        Assert.True(google.HasLiveGrant(zoeGoogle));
        var bobSeries = await influx.SeriesAsync(database, "bob");

        var zip = Path.Combine(_directory.FullName, "zoe.zip");
        var export = await RunOkAsync(environment, "people", "export", "zoe", "--out", zip);
        Assert.Contains($"Exported zoe to {zip}: ", export, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(zip));
        await AssertExportHoldsEverythingAsync(zip, database);

        var removed = await RunOkAsync(environment, "people", "remove", "zoe");

        Assert.StartsWith("Removed zoe:\n", removed, StringComparison.Ordinal);
        Assert.Contains("  withings: revoked 2 notification subscription(s)", removed, StringComparison.Ordinal);
        Assert.Contains("  fitbit: Google revoked the grant\n", removed, StringComparison.Ordinal);
        Assert.Matches(@"  InfluxDB: \d+ series dropped \(adherence_weekly \d+, alert_event \d+, body_composition \d+, health_marker \d+, ", removed);
        Assert.Empty(await influx.SeriesAsync(database, "zoe"));
        Assert.Empty(withings.Subscriptions(zoeWithings));
        Assert.False(google.HasLiveGrant(zoeGoogle));
        Assert.Equal(0, await StateRowsAsync("zoe"));

        Assert.Equal(bobSeries, await influx.SeriesAsync(database, "bob"));
        Assert.True(await StateRowsAsync("bob") >= 4);
        Assert.Equal(2, withings.Subscriptions(bobWithings).Count);

        var again = await WorkerProcess.RunAsync(_directory.FullName, environment, "people", "remove", "zoe");
        Assert.Equal(2, again.ExitCode);
        Assert.Equal("No person 'zoe' in the state store, and no series of theirs in InfluxDB: nothing to remove.", again.Error.Trim());
    }

    private async Task AssertExportHoldsEverythingAsync(string zip, string database)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var manifest = await JsonDocument.ParseAsync(archive.GetEntry("manifest.json")!.Open());
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("rows").GetInt32());
        Assert.Equal("zoe", manifest.RootElement.GetProperty("person").GetString());
        Assert.Equal(archive.Entries.Select(e => e.FullName).Where(n => n != "manifest.json").Order(), files.Keys.Order());
        foreach (var expected in new[] { "profile.csv", "goals.csv", "connections.csv", "alert_states.csv", "health_marker.csv", "strength_session.csv", "nutrition_daily.csv", "body_composition.csv", "adherence_weekly.csv", "alert_event.csv" })
        {
            Assert.Contains(expected, files.Keys);
        }

        foreach (var measurement in new[] { "health_marker", "strength_session", "nutrition_daily", "body_composition", "adherence_weekly", "alert_event" })
        {
            var rows = await ReadCsvAsync(archive, measurement + ".csv");
            var points = await influx.PointsAsync(database, measurement, "zoe");
            Assert.True(points > 0, measurement);
            Assert.Equal(points, rows.Count - 1);
            Assert.Equal(points, files[measurement + ".csv"]);
            var user = Array.IndexOf(rows[0], "user");
            Assert.All(rows.Skip(1), row => Assert.Equal("zoe", row[user]));
        }

        var markers = await ReadCsvAsync(archive, "health_marker.csv");
        Assert.Contains(markers.Skip(1), row => row[Array.IndexOf(markers[0], "marker")] == "alt" && row[Array.IndexOf(markers[0], "value")] == "41");
        Assert.Contains(["sessions_per_week", "7"], await ReadCsvAsync(archive, "goals.csv"));
        var programme = await ReadCsvAsync(archive, "programme.csv");
        Assert.Contains(["training_days", "mon thu"], programme);
        Assert.Contains(["protein_reminder_time", "20:00"], programme);
        Assert.Contains("reminder_occasions.csv", files.Keys);
        var connections = string.Join('\n', (await ReadCsvAsync(archive, "connections.csv")).Select(r => string.Join(',', r)));
        Assert.Contains("withings,Connected", connections, StringComparison.Ordinal);
        Assert.Contains("fitbit,Connected", connections, StringComparison.Ordinal);
    }

    private static async Task<List<string[]>> ReadCsvAsync(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        using var parser = new TextFieldParser(new StringReader(await reader.ReadToEndAsync())) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    /// <summary>Every row of the state store that belongs to the person, read straight from the file.</summary>
    private async Task<long> StateRowsAsync(string user)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, "state.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        // Every table with a user_id column (connections, cursors, sync runs, alert states, pending authorisations, programmes, reminder occasions …).
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT m.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c WHERE m.type = 'table' AND c.name = 'user_id'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Superset(new HashSet<string> { "connections", "cursors", "sync_runs", "alert_states", "pending_authorizations", "programmes", "reminder_occasions" }, tables.ToHashSet());
        long total = 0;
        foreach (var sql in tables.Select(t => $"SELECT count(*) FROM \"{t}\" WHERE user_id = $u")
                     .Concat(["SELECT count(*) FROM users WHERE id = $u", "SELECT count(*) FROM key_values WHERE key LIKE '%/' || $u"]))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$u", user);
            total += (long)(await command.ExecuteScalarAsync())!;
        }

        return total;
    }

    private async Task<string> RunOkAsync(Dictionary<string, string> environment, params string[] args)
    {
        var (exitCode, output, error) = await WorkerProcess.RunAsync(_directory.FullName, environment, args);
        Assert.True(exitCode == 0, $"{string.Join(' ', args)}: exit {exitCode}\n{output}\n{error}");
        return output;
    }

    private Dictionary<string, string> Environment(WithingsSandbox withings, GoogleHealthSandbox google, string database, Uri publicUrl)
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = influx.Url.ToString();
        environment["LIVERMUSCLE__InfluxDb__Database"] = database;
        environment["LIVERMUSCLE__Sync__Push__PublicUrl"] = publicUrl.ToString();
        environment["LIVERMUSCLE__Withings__ClientId"] = withings.ClientId;
        environment["LIVERMUSCLE__Withings__ClientSecret"] = withings.ClientSecret;
        environment["LIVERMUSCLE__Withings__ApiBaseUrl"] = withings.BaseUrl.ToString();
        environment["LIVERMUSCLE__Withings__AuthorizeUrl"] = withings.AuthorizeUrl.ToString();
        environment["LIVERMUSCLE__Fitbit__ClientId"] = google.ClientId;
        environment["LIVERMUSCLE__Fitbit__ClientSecret"] = google.ClientSecret;
        environment["LIVERMUSCLE__Fitbit__ApiBaseUrl"] = google.BaseUrl.ToString();
        environment["LIVERMUSCLE__Fitbit__AuthorizeUrl"] = google.AuthorizeUrl.ToString();
        environment["LIVERMUSCLE__Fitbit__TokenUrl"] = google.TokenUrl.ToString();
        environment["LIVERMUSCLE__Fitbit__RevokeUrl"] = google.RevokeUrl.ToString();
        environment["LIVERMUSCLE__Alerts__Rules__0__Id"] = "alt-high";
        environment["LIVERMUSCLE__Alerts__Rules__0__Kind"] = "MarkerAbove";
        environment["LIVERMUSCLE__Alerts__Rules__0__Marker"] = "alt";
        environment["LIVERMUSCLE__Alerts__Rules__0__Threshold"] = "33";
        return environment;
    }

    /// <summary>The worker's public address as Withings sees it: answers the HEAD probe of every subscription with 200.</summary>
    private sealed class AcceptEverything : IDisposable
    {
        private readonly HttpListener _listener;

        public AcceptEverything()
        {
            (_listener, Url) = LoopbackListener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        context.Response.StatusCode = 200;
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                }
            });
        }

        public Uri Url { get; }

        public void Dispose() => _listener.Close();
    }
}
