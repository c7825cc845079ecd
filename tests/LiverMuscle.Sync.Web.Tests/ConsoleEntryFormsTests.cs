using System.IO.Compression;
using System.Net;
using System.Text;
using LiverMuscle.Sync.Providers.GoogleHealth.Grants;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>
/// The person page's session, protein, upload and programme forms over real HTTP on loopback, against the real
/// influxd: each goes through the service its CLI verb uses and tells the same lines.
/// </summary>
public sealed class ConsoleEntryFormsTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly string[] ProgrammeFields = ["programme-days", "programme-hour", "programme-recheck", "programme-protein-below"];

    [Fact]
    public async Task FitbitExportUpload_ImportsTheZip_AsTheImportVerbDoes_AndRefusesAFileThatIsNoZip()
    {
        var database = await influx.NewDatabaseAsync("fitbitupload");
        await using var host = await StartAsync(new Dictionary<string, string?> { ["InfluxDb:Database"] = database });
        using var client = await SignedInAsync(host);

        using var uploaded = await client.UploadAsync("/people/ann?handler=FitbitExport", "upload", "takeout-001.zip", Export(), "/people/ann");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var html = WebUtility.HtmlDecode(await uploaded.Content.ReadAsStringAsync());
        Assert.Contains("Fitbit export takeout-001.zip: 3 stored, 0 not stored", html, StringComparison.Ordinal);
        Assert.Contains("<li>fitbit for ann: Ok, 3 records", html, StringComparison.Ordinal);
        Assert.Contains("from 2 files: 2 strength sessions and 1 weigh-ins read, 0 other activities ignored.", html, StringComparison.Ordinal);
        Assert.Equal(2, await influx.CountAsync(database, "strength_session", "duration_s", "\"user\" = 'ann' AND \"source\" = 'fitbit'"));
        Assert.Equal(191.8 * 0.45359237, (await influx.ScalarAsync("SELECT \"weight_kg\" FROM \"body_composition\" WHERE \"user\" = 'ann'", database))!.Value.GetDouble(), 5);
        Assert.Equal(SyncOutcome.Ok, Assert.Single(await host.Services.GetRequiredService<ISyncRunLog>().ListLatestAsync("ann", CancellationToken.None)).Outcome);

        using var notAZip = await client.UploadAsync("/people/ann?handler=FitbitExport", "upload", "export.zip", "not a zip archive", "/people/ann");
        var refused = WebUtility.HtmlDecode(await notAZip.Content.ReadAsStringAsync());
        Assert.Contains("Fitbit export export.zip: 0 stored, 1 not stored", refused, StringComparison.Ordinal);
        Assert.Matches("<li>[^<]*export\\.zip[^<]*</li>", refused);
        Assert.Equal(2, await influx.CountAsync(database, "strength_session", "duration_s", "\"user\" = 'ann'"));
    }

    [Fact]
    public async Task ProgrammeForm_RefusesBadValuesWithThePeopleSetTexts_AndSavesGoodOnes()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);
        var form = new Dictionary<string, string>
        {
            ["Programme.TrainingDays"] = "mon,funday", ["Programme.TrainingHour"] = "25", ["Programme.SelfTestMonthly"] = "true",
            ["Programme.RecheckIntervalDays"] = "1000", ["Programme.ProteinReminderHour"] = "20:30", ["Programme.ProteinReminderBelow"] = "1.5",
        };

        using var refused = await client.PostAsync("/people/ann?handler=Programme", form, "/people/ann");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var registry = host.Services.GetRequiredService<ProgrammeRegistry>();
        var expected = (await registry.SetAsync("bob", new Forms.ProgrammeForm
        {
            TrainingDays = "mon,funday", TrainingHour = "25", SelfTestMonthly = "true", RecheckIntervalDays = "1000", ProteinReminderHour = "20:30", ProteinReminderBelow = "1.5",
        }.ToChanges(), CancellationToken.None)).Errors;
        Assert.Equal(4, expected.Count);
        foreach (var (error, field) in expected.Zip(ProgrammeFields))
        {
            Assert.Contains($"<li><a href=\"#{field}\">{error}</a></li>", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"mon,funday\"", html, StringComparison.Ordinal);
        Assert.Equal(Programme.None("ann"), await registry.GetAsync("ann", CancellationToken.None));

        form["Programme.TrainingDays"] = "fri, mon wednesday";
        form["Programme.TrainingHour"] = "7:15";
        form["Programme.RecheckIntervalDays"] = "off";
        form["Programme.ProteinReminderBelow"] = "";
        using var saved = await client.PostAsync("/people/ann?handler=Programme", form, "/people/ann");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var programme = (await registry.GetAsync("ann", CancellationToken.None))!;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], programme.TrainingDays);
        Assert.Equal((new TimeOnly(7, 15), true, 0, new TimeOnly(20, 30), (double?)null),
            (programme.TrainingTime!.Value, programme.SelfTestSince is not null, programme.RecheckIntervalDays!.Value, programme.ProteinReminderTime!.Value, programme.ProteinReminderBelow));
        var page = WebUtility.HtmlDecode(await client.GetPageAsync("/people/ann"));
        Assert.Contains("Programme saved.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"programme-days\" name=\"Programme.TrainingDays\" type=\"text\" value=\"mon,wed,fri\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"true\" selected=\"selected\">On</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataKindsTheGrantLeavesOut_ShowAsNotGranted_OnThePeopleListAndThePersonPage()
    {
        await using var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 2 }, CancellationToken.None);
        await using var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 2 }, CancellationToken.None);
        var settings = ConsoleFlows.SandboxSettings(withings, google);
        settings["InfluxDb:Database"] = await influx.NewDatabaseAsync("grants");
        await using var host = await StartAsync(settings);
        using var client = await SignedInAsync(host);
        google.UncheckScopesOnNextConsent(GoogleHealthScopes.Nutrition);

        Assert.Equal("/people/ann", await ConsoleFlows.ConnectAsync(client, "/people/ann", "fitbit"));

        var line = $"nutrition: <span class=\"status-bad\">NOT GRANTED</span> ({GoogleGrants.Remedy("ann", "nutrition")})";
        var person = WebUtility.HtmlDecode(await client.GetPageAsync("/people/ann"));
        Assert.Contains(line, person, StringComparison.Ordinal);
        Assert.DoesNotContain("exercise: <span class=\"status-bad\">NOT GRANTED", person, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await client.GetPageAsync("/"));
        Assert.Contains(line, list, StringComparison.Ordinal);
        Assert.Single(list.Split("NOT GRANTED")[1..]);
    }

    [Fact]
    public async Task UploadsOverTheCap_AreRefusedWithAMessage_NotStored()
    {
        var database = await influx.NewDatabaseAsync("cap");
        await using var host = await StartAsync(new Dictionary<string, string?> { ["InfluxDb:Database"] = database, ["Console:MaxUploadBytes"] = "2048" });
        using var client = await SignedInAsync(host);
        var row = $"{DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)):yyyy-MM-dd},80\n";
        var justOver = "date,protein_g\n" + string.Concat(Enumerable.Repeat(row, 2100 / row.Length + 1));
        var far = Encoding.UTF8.GetBytes("date,protein_g\n" + string.Concat(Enumerable.Repeat(row, 200_000 / row.Length)));

        using var over = await client.UploadAsync("/people/ann?handler=DailyTotals", "upload", "big.csv", justOver, "/people/ann");
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Contains(
            $"<li>file: the file has {Encoding.UTF8.GetByteCount(justOver)} bytes, more than the 2048 accepted (Console:MaxUploadBytes); nothing was stored</li>",
            WebUtility.HtmlDecode(await over.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var farOver = await client.UploadAsync("/people/ann?handler=DailyTotals", "upload", "huge.csv", far, "/people/ann");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, farOver.StatusCode);
        var page = WebUtility.HtmlDecode(await farOver.Content.ReadAsStringAsync());
        Assert.Matches(@"the file has \d+ bytes, more than the 2048 accepted \(Console:MaxUploadBytes\); nothing was stored\.", page);
        Assert.Contains("<a href=\"/people/ann\">Back to the page</a>", page, StringComparison.Ordinal);
        Assert.Equal(SecurityHeadersPolicy, farOver.Headers.GetValues("Content-Security-Policy").Single());

        using var markers = await client.UploadAsync("/people/ann?handler=Upload", "upload", "labs.csv", far, "/people/ann");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, markers.StatusCode);
        Assert.Equal(0, await influx.CountAsync(database, "nutrition_daily", "protein_g", "\"user\" = 'ann'"));
        Assert.Empty(await host.Services.GetRequiredService<ISyncRunLog>().ListLatestAsync("ann", CancellationToken.None));
        Assert.DoesNotContain(" Error ", host.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteSession_LogsSessionsAndProtein_ForItsOwnPersonOnly()
    {
        var database = await influx.NewDatabaseAsync("invitelog");
        await using var host = await StartAsync(new Dictionary<string, string?> { ["InfluxDb:Database"] = database });
        using var operatorClient = await SignedInAsync(host);
        using var phone = new ConsoleClient(host.Url);
        using (await ConsoleFlows.RedeemInviteAsync(phone, await ConsoleFlows.CreateInviteAsync(operatorClient, "ann")))
        {
        }

        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var me = await phone.GetPageAsync("/me");
        Assert.Contains("Save session", me, StringComparison.Ordinal);
        Assert.Contains("Upload daily totals", me, StringComparison.Ordinal);

        using var logged = await phone.PostAsync("/me?handler=Session",
            new Dictionary<string, string> { ["StrengthSession.Date"] = day, ["StrengthSession.Kind"] = "bodyweight", ["StrengthSession.Minutes"] = "30", ["PersonId"] = "bob" }, "/me");
        var html = WebUtility.HtmlDecode(await logged.Content.ReadAsStringAsync());
        Assert.Contains("Strength session: 1 stored, 0 not stored", html, StringComparison.Ordinal);
        Assert.Contains($"stored strength_session bodyweight of {day} (duration_s=1800)", html, StringComparison.Ordinal);

        using var protein = await phone.PostAsync("/me?handler=Protein", new Dictionary<string, string> { ["Protein.Date"] = day, ["Protein.Grams"] = "-4" }, "/me");
        Assert.Contains("<li>grams: ", WebUtility.HtmlDecode(await protein.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var forBob = await phone.PostAsync("/people/bob?handler=Session",
            new Dictionary<string, string> { ["StrengthSession.Date"] = day, ["StrengthSession.Kind"] = "weights", ["StrengthSession.Minutes"] = "40" }, "/me");
        Assert.Equal(HttpStatusCode.Forbidden, forBob.StatusCode);

        Assert.Equal(1, await influx.CountAsync(database, "strength_session", "duration_s", "\"user\" = 'ann' AND \"kind\" = 'bodyweight'"));
        Assert.Equal(0, await influx.PointsAsync(database, "strength_session", "bob"));
        Assert.Equal(0, await influx.PointsAsync(database, "nutrition_daily", "ann"));
    }

    private const string SecurityHeadersPolicy = Security.SecurityHeaders.ContentSecurityPolicy;

    /// <summary>A Takeout zip with two strength sessions and a weigh-in in pounds (the shapes of the real export).</summary>
    private static byte[] Export()
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "Takeout/Fitbit/Global Export Data/exercise-0.json", """
                [ { "logId": 71234098812, "activityName": "Weights", "averageHeartRate": 104, "calories": 312, "duration": 3448000, "activeDuration": 3388000, "startTime": "02/03/25 18:05:12", "logType": "tracker" },
                  { "logId": 71234098813, "activityName": "Strength training", "duration": 2400000, "startTime": "02/05/25 18:00:00", "logType": "manual" } ]
                """);
            Add(archive, "Takeout/Fitbit/Global Export Data/weight-2025-02-01.json", """
                [ { "logId": 1738563161000, "weight": 191.8, "bmi": 25.98, "date": "02/03/25", "time": "06:12:41", "source": "Aria" } ]
                """);
        }

        return memory.ToArray();
    }

    private static void Add(ZipArchive archive, string name, string content)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }

    private Task<ConsoleTestHost> StartAsync(IDictionary<string, string?>? settings = null) => ConsoleFlows.StartHostAsync(influx.Url, settings);

    private static Task<ConsoleClient> SignedInAsync(ConsoleTestHost host) => ConsoleFlows.SignedInAsync(host);
}
