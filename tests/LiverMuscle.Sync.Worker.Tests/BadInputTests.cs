using System.Net;
using System.Net.Sockets;
using LiverMuscle.Sync.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

/// <summary>
/// Each class of bad input, run through the built executable: one line on stderr that says what is wrong, the exit
/// code README documents, and never a stack trace.
/// </summary>
public sealed class BadInputTests : IClassFixture<InfluxDbFixture>, IDisposable
{
    private readonly InfluxDbFixture _influx;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-bad-input-");

    public BadInputTests(InfluxDbFixture influx) => _influx = influx;

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData(2, "Sync:PollInterval must be a duration", "status", "--set", "Sync:PollInterval=abc")]
    [InlineData(2, "Sync:MaxConcurrentSyncs must be a whole number, got 'four'", "status", "--set", "Sync:MaxConcurrentSyncs=four")]
    [InlineData(2, "--set Sync:PollInterval is given twice", "status", "--set", "Sync:PollInterval=00:20:00", "--set", "sync:pollinterval=00:30:00")]
    [InlineData(2, "does not exist", "status", "--config", "missing.json")]
    [InlineData(2, "Unrecognized command or argument '--nope'", "status", "--nope")]
    [InlineData(2, "Cannot parse argument 'many' for option '--days'", "demo", "--days", "many")]
    [InlineData(2, "--days must be between 1 and 3650, got -5", "dashboards", "preview", "--days", "-5")]
    [InlineData(2, "Sync:Push:ListenUrl must name localhost or a literal IP address", "run", "--set", "Sync:Push:ListenUrl=http://256.1.1.1:8089")]
    [InlineData(2, "Sync:Push:ListenUrl must name localhost or a literal IP address", "run", "--set", "Sync:Push:ListenUrl=http://worker.example.org:8089")]
    [InlineData(2, "Withings:ClientId must be set", "auth", "withings", "--user", "ann", "--set", "Withings:ClientSecret=only-the-secret")]
    public async Task BadSettingsAndArguments_AreUsageErrors(int exitCode, string message, params string[] args)
    {
        var result = await RunAsync(null, args);

        AssertOneLineFailure(result, exitCode, message);
        Assert.DoesNotContain("only-the-secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigFileThatIsNotJson_IsAUsageErrorNamingTheFile()
    {
        var file = Path.Combine(_directory.FullName, "settings.json");
        await File.WriteAllTextAsync(file, "{ \"InfluxDb\": ");

        AssertOneLineFailure(await RunAsync(null, "status", "--config", file), 2, $"{file} is not a valid JSON settings file");
    }

    [Fact]
    public async Task KeyFileOthersCanRead_IsAStateStoreErrorWithTheChmodToRun()
    {
        var key = Path.Combine(_directory.FullName, "state.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(new byte[32]));
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        AssertOneLineFailure(await RunAsync(null, "status"), 5, $"chmod 600 {key}");
    }

    [Fact]
    public async Task StateFileThatIsNotSqlite_IsAStateStoreError()
    {
        var database = Path.Combine(_directory.FullName, "state.db");
        await File.WriteAllTextAsync(database, "these are not the bytes of a database");
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await RunAsync(null, "status");

        AssertOneLineFailure(result, 5, database);
    }

    [Theory]
    [InlineData("an empty key file", "is empty. Restore the key the state store was created with")]
    [InlineData("a key file that is not base64", "does not hold base64 of exactly 32 bytes")]
    [InlineData("a directory in place of the database", "is a directory, not a database file")]
    [InlineData("the SQLite file of another program", "holds tables of another program")]
    [InlineData("a truncated database", "is damaged (")]
    public async Task StateFileProblem_IsOneLineAndExitCode5_WithoutAStackTrace(string problem, string expected)
    {
        var database = Path.Combine(_directory.FullName, "state.db");
        var key = Path.Combine(_directory.FullName, "state.key");
        switch (problem)
        {
            case "an empty key file":
            case "a key file that is not base64":
                await File.WriteAllTextAsync(key, problem == "an empty key file" ? string.Empty : "not base64 at all!");
                File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                break;
            case "a directory in place of the database":
                Directory.CreateDirectory(database);
                break;
            case "the SQLite file of another program":
                await using (var other = new SqliteConnection($"Data Source={database};Pooling=False"))
                {
                    await other.OpenAsync();
                    await using var create = other.CreateCommand();
                    create.CommandText = "CREATE TABLE recipes (name TEXT)";
                    await create.ExecuteNonQueryAsync();
                }

                File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                break;
            case "a truncated database":
                Assert.Equal(0, (await RunAsync(null, "people", "add", "ann")).ExitCode);
                await using (var filled = new SqliteConnection($"Data Source={database};Pooling=False"))
                {
                    await filled.OpenAsync();
                    await using var fill = filled.CreateCommand();
                    fill.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) " +
                        "INSERT INTO key_values SELECT 'filler/' || i, zeroblob(200), 0 FROM n; PRAGMA wal_checkpoint(TRUNCATE);";
                    await fill.ExecuteNonQueryAsync();
                }

                await using (var file = new FileStream(database, FileMode.Open))
                {
                    file.SetLength(file.Length / 3);
                }

                break;
        }

        AssertOneLineFailure(await RunAsync(null, "people", "list"), 5, expected);
    }

    [Fact]
    public async Task Run_OnAPortInUse_SaysSoAndExits6()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var result = await RunAsync(null, "run", "--set", $"Sync:Push:ListenUrl=http://127.0.0.1:{port}", "--set", $"InfluxDb:Url={_influx.Url}");

        AssertOneLineFailure(result, 6, $"Cannot listen on http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task FhirFileThatIsNotABundle_IsAUsageError()
    {
        var file = Path.Combine(_directory.FullName, "patient.json");
        await File.WriteAllTextAsync(file, """[{"resourceType":"Patient"}]""");

        var result = await RunAsync(await _influx.NewDatabaseAsync("cli"), "markers", "import", file, "--user", "ann", "--set", "Markers:Users:ann:BirthDate=1970-01-01");

        AssertOneLineFailure(result, 2, "Not a FHIR R4 Bundle: the file holds a JSON array.");
    }

    [Theory]
    [InlineData("nothing was stored", "markers", "add", "--user", "ann", "--marker", "ast", "--value", "30", "--unit", "U/L", "--date", "2026-10-02")]
    [InlineData("there is nothing to draw from", "dashboards", "preview", "--days", "30")]
    public async Task VerbsThatNeedInfluxDb_WhileItIsDown_Exit6(string consequence, params string[] args)
    {
        var down = $"http://127.0.0.1:{FreePort.Next()}/";

        var result = await RunAsync(null, [.. args, "--set", $"InfluxDb:Url={down}", "--set", "Markers:Users:ann:BirthDate=1970-01-01"]);

        AssertOneLineFailure(result, 6, $"InfluxDB at {down} does not answer; {consequence}");
    }

    [Fact]
    public async Task AlertsEvaluate_WhenEveryQueryFails_Exits1()
    {
        var down = $"http://127.0.0.1:{FreePort.Next()}/";

        var result = await RunAsync(
            null, "alerts", "evaluate", "--set", $"InfluxDb:Url={down}",
            "--set", "Alerts:Rules:0:Id=alt-high", "--set", "Alerts:Rules:0:Kind=MarkerAbove", "--set", "Alerts:Rules:0:Marker=alt",
            "--set", "Alerts:Rules:0:Threshold=33", "--set", "Alerts:Rules:0:Users:0=ann", "--set", "Alerts:Rules:0:Users:1=bob");

        // Each failed evaluation is also logged, on one line with its cause.
        Assert.Equal(1, result.ExitCode);
        const string Summary = "2 of 2 evaluations could not be made or their notification not delivered (see above); fix the cause and run 'alerts evaluate' again.";
        Assert.All(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line == Summary || line.StartsWith("fail: LiverMuscle.Sync.Alerts.AlertEvaluator", StringComparison.Ordinal), line));
        Assert.Contains(Summary, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Output.Split('\n').Count(line => line.StartsWith("alt-high / ", StringComparison.Ordinal) && line.Contains("error: ", StringComparison.Ordinal)));
    }

    internal static void AssertOneLineFailure((int ExitCode, string Output, string Error) result, int exitCode, string message)
    {
        Assert.True(result.ExitCode == exitCode, $"exit code {result.ExitCode}, stderr: {result.Error}");
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string? database, params string[] args)
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = _influx.Url.ToString();
        if (database is not null)
        {
            environment["LIVERMUSCLE__InfluxDb__Database"] = database;
        }

        return WorkerProcess.RunAsync(_directory.FullName, environment, args);
    }
}
