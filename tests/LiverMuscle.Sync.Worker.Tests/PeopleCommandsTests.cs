using Xunit;

namespace LiverMuscle.Sync.Worker.Tests;

public sealed class PeopleCommandsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-people-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task AddSetShowList_StoreEveryValue_ClearingFallsBackToTheSeed_AndSeedsAddTheirPeople()
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__Markers__Users__carol__BirthDate"] = "1971-01-01";
        environment["LIVERMUSCLE__Adherence__Users__carol__SessionsPerWeek"] = "5";

        var add = await RunAsync(environment, "people", "add", "alice", "--name", "Alice A.", "--time-zone", "Europe/Berlin", "--birth-date", "1970-06-15",
            "--sex", "female", "--height-m", "1.68", "--sessions-per-week", "3", "--protein-g-per-kg", "1.4", "--recipient", "alice@example.org",
            "--recipient", "coach@example.org", "--weight-source", "withings");
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.StartsWith("Added alice.", add.Output, StringComparison.Ordinal);
        foreach (var line in new[]
                 {
                     "alice (Alice A.)", "  time zone: Europe/Berlin (the person's own)", "  birth date: 1970-06-15", "  sex: female", "  height (m): 1.68",
                     "  goal, resistance sessions per week: 3", "  goal, resistance minutes per week: not set", "  goal, protein g/kg/day: 1.4",
                     "  weight for protein per kg: withings", "  notification recipients: alice@example.org, coach@example.org",
                 })
        {
            Assert.Contains(line + "\n", add.Output, StringComparison.Ordinal);
        }

        var set = await RunAsync(environment, "people", "set", "alice", "--birth-date", "", "--sessions-per-week", "4", "--recipient", "");
        Assert.True(set.ExitCode == 0, set.Error);
        var show = await RunAsync(environment, "people", "show", "alice");
        Assert.Contains("  birth date: not set\n", show.Output, StringComparison.Ordinal);
        Assert.Contains("  goal, resistance sessions per week: 4\n", show.Output, StringComparison.Ordinal);
        Assert.Contains("  notification recipients: none of their own", show.Output, StringComparison.Ordinal);

        // carol is named only by configuration seeds: she exists, her own values win, clearing one brings the seed back.
        Assert.Contains("  birth date: 1971-01-01 (configured or default)\n", (await RunAsync(environment, "people", "show", "carol")).Output, StringComparison.Ordinal);
        Assert.Contains("  birth date: 1960-02-03\n", (await RunAsync(environment, "people", "set", "carol", "--birth-date", "1960-02-03")).Output, StringComparison.Ordinal);
        Assert.Contains("  birth date: 1971-01-01 (configured or default)\n", (await RunAsync(environment, "people", "set", "carol", "--birth-date", "")).Output, StringComparison.Ordinal);

        var list = await RunAsync(environment, "people", "list");
        Assert.Equal(["alice\tAlice A.\tEurope/Berlin\tno provider connected", "carol\tcarol\tUTC\tno provider connected"], list.Output.TrimEnd().Split('\n'));
        Assert.Contains("  goal, resistance sessions per week: 5 (configured or default)\n", (await RunAsync(environment, "people", "show", "carol")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAndShow_TheProgramme_ClearingBringsTheDefaultsBack_AndABadValueChangesNothing()
    {
        var environment = ConfigurationTests.StateIn(_directory);
        var add = await RunAsync(environment, "people", "add", "alice", "--time-zone", "Asia/Tokyo", "--training-days", "fri,mon");
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Contains("  training days: mon, fri (a reminder when no strength session is recorded by the reminder hour)\n", add.Output, StringComparison.Ordinal);
        Assert.Contains("  reminder hour: 18:00 (default)\n", add.Output, StringComparison.Ordinal);

        var set = await RunAsync(environment, "people", "set", "alice", "--training-days", "mon,wed,fri", "--training-hour", "18:30", "--self-test-monthly", "true",
            "--recheck-interval", "120", "--protein-reminder-hour", "20", "--protein-reminder-below", "0.4");
        Assert.True(set.ExitCode == 0, set.Error);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString("yyyy-MM-dd");
        var programme = new[]
        {
            "  reminder hour: 18:30", "  training days: mon, wed, fri (a reminder when no strength session is recorded by the reminder hour)",
            $"  monthly self-test reminder: on since {today}", "  re-check reminder: 120 days after the latest blood work or scan",
            "  protein reminder: at 20:00 when today's protein is below 40 % of the goal", "  reminders go through: no notifier (name them under Alerts:Reminders:Notifiers)",
        };
        var show = await RunAsync(environment, "people", "show", "alice");
        Assert.All(programme, line => Assert.Contains(line + "\n", show.Output, StringComparison.Ordinal));

        // One bad value: nothing changes, neither the programme nor the name given with it.
        var refused = await RunAsync(environment, "people", "set", "alice", "--name", "Alice A.", "--training-days", "mon,funday", "--protein-reminder-below", "2");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(
            "training days 'mon,funday' must be weekdays separated by commas, e.g. mon,wed,fri ('funday' is not one).\n" +
            "protein reminder below '2' must be a fraction of the day's goal above 0 and at most 1 (e.g. 0.5 for 50 %).",
            refused.Error.Trim());
        show = await RunAsync(environment, "people", "show", "alice");
        Assert.StartsWith("alice (alice)\n", show.Output, StringComparison.Ordinal);
        Assert.All(programme, line => Assert.Contains(line + "\n", show.Output, StringComparison.Ordinal));

        var cleared = await RunAsync(environment, "people", "set", "alice", "--training-days", "", "--training-hour", "", "--self-test-monthly", "false",
            "--recheck-interval", "", "--protein-reminder-hour", "", "--protein-reminder-below", "");
        Assert.True(cleared.ExitCode == 0, cleared.Error);
        foreach (var line in new[]
                 {
                     "  reminder hour: 18:00 (default)", "  training days: none", "  monthly self-test reminder: off",
                     "  re-check reminder: 90 days after the latest blood work or scan (default)", "  protein reminder: off",
                 })
        {
            Assert.Contains(line + "\n", cleared.Output, StringComparison.Ordinal);
        }

        environment["LIVERMUSCLE__Alerts__Email__mail__Host"] = "127.0.0.1";
        environment["LIVERMUSCLE__Alerts__Email__mail__From"] = "reminders@example.org";
        environment["LIVERMUSCLE__Alerts__Email__mail__To__0"] = "operator@example.org";
        environment["LIVERMUSCLE__Alerts__Reminders__Notifiers__0"] = "mail";
        var off = await RunAsync(environment, "people", "set", "alice", "--recheck-interval", "off");
        Assert.Contains("  re-check reminder: off\n", off.Output, StringComparison.Ordinal);
        Assert.Contains("  reminders go through: mail\n", off.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("people set alice --training-hour 25", "training hour '25' must be an hour of the day, 0 to 23 (e.g. 18) or hh:mm (e.g. 18:30).")]
    [InlineData("people add bob --recheck-interval 1000", "re-check interval '1000' must be a whole number of days from 1 to 730, or 0 / off for no re-check reminder.")]
    [InlineData("people add alice --sessions-per-week 2", "A person 'alice' exists already; change them with 'people set alice'.")]
    [InlineData("people add Bob", "person id: 'Bob' is not a valid person id (a slug")]
    [InlineData("people set alice --height-m 176 --sex robot", "sex 'robot' must be one of: male, female.\nheight (m) '176' must be a number from 0.5 to 2.5.")]
    [InlineData("people set alice --time-zone Europe/Atlantis", "time zone 'Europe/Atlantis' is not an IANA time zone id known here")]
    [InlineData("people show nobody", "No person 'nobody' in the state store; add them with 'livermuscle-sync people add nobody'")]
    [InlineData("people set nobody --sex male", "No person 'nobody' in the state store;")]
    [InlineData("people export nobody", "No person 'nobody' in the state store;")]
    [InlineData("people export ../../escape", "ID: '../../escape' is not a valid person id")]
    [InlineData("people remove Alice", "ID: 'Alice' is not a valid person id")]
    [InlineData("markers add --user nobody --marker alt --value 41 --unit U/L --date 2026-10-02", "No person 'nobody' in the state store; add them with 'livermuscle-sync people add nobody'")]
    [InlineData("sync --user ends-with\\", "--user: 'ends-with\\' is not a valid person id")]
    [InlineData("backfill --user Alice --provider withings --since 2026-01-01", "--user: 'Alice' is not a valid person id")]
    [InlineData("auth withings --user a/b", "--user: 'a/b' is not a valid person id")]
    public async Task BadInput_IsOneClearLineAndExitCode2_WithoutAStackTrace(string command, string expected)
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = "http://127.0.0.1:9";
        Assert.Equal(0, (await RunAsync(environment, "people", "add", "alice")).ExitCode);

        var (exitCode, _, error) = await RunAsync(environment, command.Split(' '));

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_WhileInfluxDbIsUnreachable_ErasesTheStateAndSaysToRunItAgain()
    {
        var environment = ConfigurationTests.StateIn(_directory);
        environment["LIVERMUSCLE__InfluxDb__Url"] = "http://127.0.0.1:9";
        Assert.Equal(0, (await RunAsync(environment, "people", "add", "alice")).ExitCode);

        var (exitCode, output, error) = await RunAsync(environment, "people", "remove", "alice");

        Assert.Equal(6, exitCode);
        Assert.StartsWith("Removed alice:\n  state store: 1 person deleted\n", output, StringComparison.Ordinal);
        Assert.StartsWith("InfluxDB could not drop the person's series (", error.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("; run 'livermuscle-sync people remove alice' again to finish.", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(2, (await RunAsync(environment, "people", "show", "alice")).ExitCode);
    }

    [Fact]
    public async Task PersonIdWithANewline_IsRefused()
    {
        var (exitCode, _, error) = await RunAsync(ConfigurationTests.StateIn(_directory), "people", "add", "bob\nsmith");

        Assert.Equal(2, exitCode);
        Assert.Equal("person id: 'bob\\u000asmith' is not a valid person id (a slug: 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or digit, e.g. 'alice' or 'patient-07').", error.Trim());
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(Dictionary<string, string> environment, params string[] args) =>
        WorkerProcess.RunAsync(_directory.FullName, environment, args);
}
