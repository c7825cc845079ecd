using System.Text.Json;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Data.Sqlite;
using OpenQA.Selenium;
using Xunit;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>
/// The console of a real <c>run</c> in Debian's Chromium: sign in, add a person, connect both sandboxes through the
/// browser's OAuth redirects, see the first sync counted, log a marker, a self-test and a strength session, upload a
/// marker CSV and a daily-totals CSV each with a bad row, disconnect Withings and connect it again from an invite link in a second browser, remove the person. Screenshots go to docs/console/.
/// </summary>
public sealed class ConsoleBrowserTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>, IDisposable
{
    private static readonly string Screenshots = Path.Combine(SharedData.RepositoryRoot, "docs", "console");
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livermuscle-browser-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Operator_ConnectsLogsInvitesAndRemovesAPerson_InChromium()
    {
        await using var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 10 }, CancellationToken.None);
        await using var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 10 }, CancellationToken.None);
        var database = await influx.NewDatabaseAsync("console");
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var environment = Environment(withings, google, database, url);
        var (setExit, setOutput) = await WorkerExecutable.RunAsync(_directory, environment, ConsoleFlows.Password, "console", "set-password");
        Assert.True(setExit == 0, setOutput);
        await using var worker = WorkerExecutable.Start(_directory, environment, "run", "--verbose");
        await WaitForHealthAsync(url, worker);

        using var browser = new ChromiumBrowser();
        browser.Open(url);
        browser.WaitFor(d => d.Url.Contains("/signin?ReturnUrl=", StringComparison.Ordinal), "the redirect to sign in");
        browser.SaveScreenshot(Path.Combine(Screenshots, "sign-in.png"));
        browser.Find(By.Id("password")).SendKeys(ConsoleFlows.Password + Keys.Enter);
        browser.WaitFor(d => d.FindElement(By.TagName("h1")).Text == "People", "the people list");

        AddPerson(browser, "bob", "Bob Sample");
        browser.Open(url);
        AddPerson(browser, "ada", "Ada Example");
        Assert.EndsWith("/people/ada", browser.Url, StringComparison.Ordinal);

        Connect(browser, "Connect Withings", "withings is connected");
        Connect(browser, "Connect Fitbit (Google)", "fitbit is connected");
        browser.ReloadUntil(d => SyncedOk(d, "withings") && SyncedOk(d, "fitbit"), "both first syncs", TimeSpan.FromSeconds(120));
        var counted = Stored(browser);
        Assert.True(counted["body_composition"] > 0 && counted["strength_session"] + counted["nutrition_daily"] > 0, JsonSerializer.Serialize(counted));
        foreach (var measurement in new[] { "body_composition", "strength_session", "nutrition_daily" })
        {
            Assert.Equal(await influx.PointsAsync(database, measurement, "ada"), counted[measurement]);
        }

        browser.Find(By.CssSelector("#marker-choice option[value='alt|U/L']")).Click();
        browser.Find(By.Id("marker-value")).SendKeys("41");
        Click(browser, "Save result");
        Assert.Contains("Marker: 1 stored, 0 not stored", Report(browser, "Marker: "), StringComparison.Ordinal);
        Assert.Equal(41, (await influx.ScalarAsync("SELECT last(\"value\") FROM \"health_marker\" WHERE \"user\" = 'ada' AND \"marker\" = 'alt'", database))!.Value.GetDouble());

        browser.Find(By.Id("selftest-grip")).SendKeys("31.5");
        browser.Find(By.Id("selftest-chair")).SendKeys("11.2");
        Click(browser, "Save self-test");
        Assert.Contains("Strength self-test: 2 stored, 0 not stored", Report(browser, "Strength self-test: "), StringComparison.Ordinal);
        Assert.Equal(31.5, (await influx.ScalarAsync("SELECT last(\"value\") FROM \"health_marker\" WHERE \"user\" = 'ada' AND \"marker\" = 'grip_strength'", database))!.Value.GetDouble());

        var csv = Path.Combine(_directory.FullName, "labs.csv");
        await File.WriteAllTextAsync(csv, "date,marker,value,unit\n2026-11-02,ast,35,U/L\n2026-11-02,ferritin,80,ng/mL\n2026-11-02,platelets,210,10^9/L\n");
        var report = Upload(browser, "upload-file", csv, "Upload", "Upload labs.csv: ");
        Assert.Contains("Upload labs.csv: 2 stored, 1 not stored", report, StringComparison.Ordinal);
        Assert.Contains("line 3: unknown marker 'ferritin'", report, StringComparison.Ordinal);
        Assert.Equal(2, await influx.CountAsync(database, "health_marker", "value", "\"user\" = 'ada' AND \"source\" = 'lab'"));

        browser.Find(By.CssSelector("#session-kind option[value='weights']")).Click();
        browser.Find(By.Id("session-minutes")).SendKeys("45");
        Click(browser, "Save session");
        var session = Report(browser, "Strength session: ");
        Assert.Contains("Strength session: 1 stored, 0 not stored", session, StringComparison.Ordinal);
        Assert.Contains("stored strength_session weights of ", session, StringComparison.Ordinal);
        Assert.Equal(45 * 60, (await influx.ScalarAsync("SELECT last(\"duration_s\") FROM \"strength_session\" WHERE \"user\" = 'ada' AND \"source\" = 'manual' AND \"kind\" = 'weights'", database))!.Value.GetDouble());

        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        var totals = Path.Combine(_directory.FullName, "totals.csv");
        await File.WriteAllTextAsync(totals, $"date,protein_g,energy_kcal\n{day:yyyy-MM-dd},92.5,2100\n{day.AddDays(-1):yyyy-MM-dd},lots,1900\n{day.AddDays(-2):yyyy-MM-dd},71,1800\n");
        var imported = Upload(browser, "totals-file", totals, "Upload daily totals", "Daily totals totals.csv: ");
        Assert.Contains("Daily totals totals.csv: 2 stored, 1 not stored", imported, StringComparison.Ordinal);
        Assert.Contains("line 3: protein_g 'lots' is not a number (use a decimal point)", imported, StringComparison.Ordinal);
        Assert.Equal(2, await influx.CountAsync(database, "nutrition_daily", "protein_g", "\"user\" = 'ada' AND \"source\" = 'manual'"));
        Assert.Equal(92.5 + 71, (await influx.ScalarAsync("SELECT sum(\"protein_g\") FROM \"nutrition_daily\" WHERE \"user\" = 'ada' AND \"source\" = 'manual'", database))!.Value.GetDouble());
        browser.SaveScreenshot(Path.Combine(Screenshots, "person.png"));
        AssertEveryControlIsLabelled(browser);

        Click(browser, "Disconnect Withings");
        Assert.StartsWith("Disconnected withings: ", browser.WaitFor(d => d.FindElement(By.CssSelector(".notice")).Text, "the disconnection"), StringComparison.Ordinal);
        Assert.NotNull(browser.Find(By.LinkText("Connect Withings")));
        Click(browser, "Create invite link");
        var invite = new Uri(browser.WaitFor(d => d.FindElement(By.Id("invite-link")).GetAttribute("value"), "the invite link")!);
        browser.SaveScreenshot(Path.Combine(Screenshots, "invite-created.png"));
        using (var phone = new ChromiumBrowser())
        {
            phone.Open(invite);
            phone.SaveScreenshot(Path.Combine(Screenshots, "invite.png"));
            Click(phone, "Continue");
            phone.WaitFor(d => d.FindElement(By.TagName("h1")).Text == "Hello, Ada Example", "the invited person's page");
            Assert.DoesNotContain("bob", phone.PageSource, StringComparison.OrdinalIgnoreCase);
            Connect(phone, "Connect Withings", "withings is connected");
            Assert.EndsWith("/me", phone.Url, StringComparison.Ordinal);
            phone.SaveScreenshot(Path.Combine(Screenshots, "invited-person.png"));
            AssertEveryControlIsLabelled(phone);
            phone.Open(url);
            Assert.DoesNotContain("Bob Sample", phone.PageSource, StringComparison.Ordinal);
        }

        browser.Open(url);
        browser.ReloadUntil(d => !d.PageSource.Contains("Syncing now", StringComparison.Ordinal), "the syncs to finish", TimeSpan.FromSeconds(60));
        browser.SaveScreenshot(Path.Combine(Screenshots, "people.png"));
        AssertEveryControlIsLabelled(browser);
        var tokens = await TokensAsync();
        Assert.Equal(4, tokens.Count);

        browser.Open(new Uri(url, "/people/ada/remove"));
        browser.SaveScreenshot(Path.Combine(Screenshots, "remove.png"));
        Click(browser, "Remove ada and erase their data");
        var erased = browser.WaitFor(d => d.FindElement(By.Id("erasure")).Text, "the erasure report");
        browser.SaveScreenshot(Path.Combine(Screenshots, "removed.png"));
        Assert.Contains("fitbit: Google revoked the grant", erased, StringComparison.Ordinal);
        Assert.Matches(@"InfluxDB: \d+ series dropped \(adherence_weekly \d+, body_composition \d+, health_marker \d+", erased);
        Assert.Empty(await influx.SeriesAsync(database, "ada"));
        Assert.Equal(0, await StateRowsAsync("ada"));
        Assert.True(await StateRowsAsync("bob") > 0);

        var log = worker.Output;
        Assert.Contains("Listening on", log, StringComparison.Ordinal);
        foreach (var secret in tokens.Concat([ConsoleFlows.Password, withings.ClientSecret, google.ClientSecret, invite.Segments[^1]]))
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }

    /// <summary>Every visible form control has a label a screen reader announces, and every button a name.</summary>
    private static void AssertEveryControlIsLabelled(ChromiumBrowser browser)
    {
        var controls = browser.Driver.FindElements(By.CssSelector("input:not([type=hidden]), select, textarea"));
        Assert.NotEmpty(controls);
        foreach (var control in controls)
        {
            var id = control.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), $"A {control.TagName} without an id on {browser.Url}");
            Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector($"label[for='{id}']")));
        }

        Assert.All(browser.Driver.FindElements(By.TagName("button")), button => Assert.False(string.IsNullOrWhiteSpace(button.GetAttribute("textContent")), "A button without a name on " + browser.Url));
    }

    private static void AddPerson(ChromiumBrowser browser, string id, string name)
    {
        browser.Find(By.Id("add-id")).SendKeys(id);
        browser.Find(By.Id("add-name")).SendKeys(name);
        Click(browser, "Add person");
        browser.WaitFor(d => d.Url.EndsWith("/people/" + id, StringComparison.Ordinal), "the new person's page");
    }

    /// <summary>Follows a connect link with the keyboard through the sandbox's consent back to the console.</summary>
    private static void Connect(ChromiumBrowser browser, string link, string notice)
    {
        browser.Find(By.LinkText(link)).SendKeys(Keys.Enter);
        browser.WaitFor(d => d.FindElement(By.CssSelector(".notice")).Text.Contains(notice, StringComparison.Ordinal), "the notice '" + notice + "'", TimeSpan.FromSeconds(30));
    }

    /// <summary>Chooses the file in the upload control and presses the button; the report the page shows.</summary>
    private static string Upload(ChromiumBrowser browser, string input, string path, string button, string heading)
    {
        browser.Find(By.Id(input)).SendKeys(path);
        Click(browser, button);
        return Report(browser, heading);
    }

    /// <summary>The report of the form just sent, once the new page shows it (until then the last page's report may still be there).</summary>
    private static string Report(ChromiumBrowser browser, string heading) =>
        browser.WaitFor(d => d.FindElement(By.Id("stored-report")).Text is var text && text.Contains(heading, StringComparison.Ordinal) ? text : null, "the report '" + heading + "'");

    private static void Click(ChromiumBrowser browser, string button) =>
        browser.Find(By.XPath($"//button[normalize-space()='{button}']")).Click();

    private static bool SyncedOk(IWebDriver driver, string provider) =>
        driver.FindElement(By.Id("provider-" + provider)).Text.Contains(": ok, ", StringComparison.Ordinal);

    private static Dictionary<string, long> Stored(ChromiumBrowser browser) =>
        browser.Driver.FindElements(By.CssSelector("#stored-points td[data-measurement]"))
            .ToDictionary(td => td.GetAttribute("data-measurement")!, td => long.Parse(td.Text, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The tokens the worker holds, read from its state store the way the worker does.</summary>
    private async Task<List<string>> TokensAsync()
    {
        await using (var services = TestHost.Build(new TestHostOptions { StateDirectory = _directory.FullName }))
        {
            var connections = await services.Get<ITokenStore>().ListAsync(CancellationToken.None);
            return [.. connections.Where(c => c.Token is not null).SelectMany(c => new[] { c.Token!.AccessToken, c.Token.RefreshToken })];
        }
    }

    /// <summary>Every row of the state store that belongs to the person, read straight from the file.</summary>
    private async Task<long> StateRowsAsync(string user)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, "state.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        long total = 0;
        foreach (var table in new[] { "users WHERE id", "connections WHERE user_id", "cursors WHERE user_id", "sync_runs WHERE user_id", "alert_states WHERE user_id", "pending_authorizations WHERE user_id" })
        {
            total += await CountAsync(connection, $"SELECT count(*) FROM {table} = $u", user);
        }

        return total + await CountAsync(connection, "SELECT count(*) FROM key_values WHERE key LIKE '%/' || $u", user);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql, string user)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$u", user);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForHealthAsync(Uri url, WorkerExecutable worker)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await AnswersAsync(http, new Uri(url, "/healthz")))
        {
            Assert.True(DateTime.UtcNow < deadline, "The worker did not answer /healthz within 60 s:\n" + worker.Output);
            await Task.Delay(200);
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri url)
    {
        try
        {
            using var answer = await http.GetAsync(url);
            return answer.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private Dictionary<string, string> Environment(WithingsSandbox withings, GoogleHealthSandbox google, string database, Uri url)
    {
        var environment = ConsoleFlows.SandboxSettings(withings, google).ToDictionary(s => "LIVERMUSCLE__" + s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["LIVERMUSCLE__State__Path"] = Path.Combine(_directory.FullName, "state.db");
        environment["LIVERMUSCLE__InfluxDb__Url"] = influx.Url.ToString();
        environment["LIVERMUSCLE__InfluxDb__Database"] = database;
        environment["LIVERMUSCLE__Sync__Push__ListenUrl"] = url.ToString().TrimEnd('/');
        return environment;
    }
}
