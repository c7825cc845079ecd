using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LiverMuscle.Sync.Sandbox.GoogleHealth;
using LiverMuscle.Sync.Sandbox.Withings;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using LiverMuscle.Sync.Web.Security;
using LiverMuscle.Sync.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>The person page's actions over HTTP: each goes through the service the matching CLI verb uses.</summary>
public sealed class ConsolePersonPageTests(InfluxDbFixture influx) : IClassFixture<InfluxDbFixture>
{
    private static readonly string[] ErrorFields = ["profile-zone", "profile-birth", "profile-height", "profile-recipients"];

    [Fact]
    public async Task ProfileForm_WithBadValues_RefusesThemAsPeopleSetDoes_AndTheErrorSummaryNamesEachField()
    {
        await using var host = await StartAsync();
        using var client = await SignedInAsync(host);
        var form = new Dictionary<string, string>
        {
            ["Profile.DisplayName"] = "Ann", ["Profile.TimeZone"] = "Mars/Olympus", ["Profile.BirthDate"] = "1970-13-01", ["Profile.Sex"] = "male",
            ["Profile.HeightM"] = "17.6", ["Profile.SessionsPerWeek"] = "3", ["Profile.ResistanceMinutesPerWeek"] = "", ["Profile.ProteinGPerKgPerDay"] = "1.2",
            ["Profile.Recipients"] = "ann@example.org\nnot-an-address", ["Profile.WeightSource"] = "",
        };

        using var refused = await client.PostAsync("/people/ann?handler=Profile", form, "/people/ann");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var registry = host.Services.GetRequiredService<PersonRegistry>();
        var expected = (await registry.SetAsync("bob", new Forms.ProfileForm
        {
            DisplayName = "Ann", TimeZone = "Mars/Olympus", BirthDate = "1970-13-01", Sex = "male", HeightM = "17.6", SessionsPerWeek = "3",
            ResistanceMinutesPerWeek = "", ProteinGPerKgPerDay = "1.2", Recipients = "ann@example.org\nnot-an-address", WeightSource = "",
        }.ToChanges(), CancellationToken.None)).Errors;
        Assert.Equal(4, expected.Count);
        foreach (var (error, field) in expected.Zip(ErrorFields))
        {
            Assert.Contains($"<li><a href=\"#{field}\">{error}</a></li>", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal("Ann Example", (await host.Services.GetRequiredService<IPersonStore>().GetAsync("ann", CancellationToken.None))!.DisplayName);

        form["Profile.TimeZone"] = "Europe/Berlin";
        form["Profile.BirthDate"] = "1970-03-01";
        form["Profile.HeightM"] = "1.76";
        form["Profile.Recipients"] = "ann@example.org";
        using var saved = await client.PostAsync("/people/ann?handler=Profile", form, "/people/ann");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var ann = (await host.Services.GetRequiredService<IPersonStore>().GetAsync("ann", CancellationToken.None))!;
        Assert.Equal(("Ann", "Europe/Berlin", TimeZoneOrigin.Person, new DateOnly(1970, 3, 1), "male", 1.76, 3, 1.2, "ann@example.org"),
            (ann.DisplayName, ann.TimeZone, ann.TimeZoneOrigin, ann.BirthDate!.Value, ann.Sex!, ann.HeightM!.Value, ann.Goals.SessionsPerWeek!.Value, ann.Goals.ProteinGPerKgPerDay!.Value, Assert.Single(ann.Recipients)));
        Assert.Contains("Profile and goals saved.", await client.GetPageAsync("/people/ann"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncNow_Export_AndDisconnect_GoThroughTheSameServicesAsTheVerbs()
    {
        await using var withings = await WithingsSandbox.StartAsync(new WithingsSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        await using var google = await GoogleHealthSandbox.StartAsync(new GoogleHealthSandboxOptions { HistoryDays = 5 }, CancellationToken.None);
        var settings = ConsoleFlows.SandboxSettings(withings, google);
        settings["InfluxDb:Database"] = await influx.NewDatabaseAsync("page");
        await using var host = await StartAsync(settings);
        using var client = await SignedInAsync(host);
        Assert.Equal("/people/ann", await ConsoleFlows.ConnectAsync(client, "/people/ann", "fitbit"));
        var runs = host.Services.GetRequiredService<ISyncRunLog>();
        var syncs = host.Services.GetRequiredService<BackgroundSyncs>();
        await WaitUntilAsync(host, async () => !syncs.IsRunning("ann", "fitbit") && (await runs.ListLatestAsync("ann", CancellationToken.None)).Count == 1, "the first sync");
        var first = Assert.Single(await runs.ListLatestAsync("ann", CancellationToken.None));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        using var sync = await client.PostAsync("/people/ann?handler=Sync", new Dictionary<string, string>(), "/people/ann");
        Assert.Equal(HttpStatusCode.Redirect, sync.StatusCode);
        Assert.Contains("Sync started for Fitbit (Google)", await client.GetPageAsync("/people/ann"), StringComparison.Ordinal);
        await WaitUntilAsync(host, async () => (await runs.ListLatestAsync("ann", CancellationToken.None))[0].StartedAt > first.StartedAt && !syncs.IsRunning("ann", "fitbit"), "the second sync");

        using var export = await client.PostAsync("/people/ann?handler=Export", new Dictionary<string, string>(), "/people/ann");
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("ann-export-", export.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        using var manifest = await JsonDocument.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal("ann", manifest.RootElement.GetProperty("person").GetString());
        Assert.Contains(manifest.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("name").GetString() == "connections.csv" && f.GetProperty("rows").GetInt32() == 1);

        var healthUser = Assert.Single(google.UserIds);
        Assert.True(google.HasLiveGrant(healthUser));
        using var disconnect = await client.PostAsync("/people/ann?handler=Disconnect&provider=fitbit", new Dictionary<string, string>(), "/people/ann");
        Assert.Equal(HttpStatusCode.Redirect, disconnect.StatusCode);
        Assert.Contains("Disconnected fitbit: Google revoked the grant; its tokens are forgotten.", await client.GetPageAsync("/people/ann"), StringComparison.Ordinal);
        Assert.False(google.HasLiveGrant(healthUser));
        Assert.Null(await host.Services.GetRequiredService<ITokenStore>().GetAsync("ann", "fitbit", CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<ISyncCursorStore>().ListAsync("ann", CancellationToken.None));
        Assert.Contains("Connect Fitbit (Google)", await client.GetPageAsync("/people/ann"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FhirUpload_StoresTheReadableObservations_AndNamesEachRefusedEntry_GrafanaLinksOpenThePerson()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["InfluxDb:Database"] = await influx.NewDatabaseAsync("fhir"),
            ["Grafana:Url"] = "http://grafana.example.org:3000/grafana",
            ["Grafana:ServiceAccountToken"] = "glsa_not_shown_anywhere",
            ["Grafana:ProvisionAtStart"] = "false",
        });
        using var client = await SignedInAsync(host);
        const string bundle = """
            { "resourceType": "Bundle", "type": "collection", "entry": [
              { "resource": { "resourceType": "Observation", "id": "alt", "status": "final",
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "1742-6" } ] }, "effectiveDateTime": "2026-09-01",
                  "valueQuantity": { "value": 0.7, "unit": "µkat/L" } } },
              { "resource": { "resourceType": "Observation", "id": "plt", "status": "final",
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "777-3" } ] }, "effectiveDateTime": "2026-09-01",
                  "valueQuantity": { "value": 180, "unit": "10*3/uL" } } },
              { "resource": { "resourceType": "Observation", "id": "ggt-negative", "status": "final",
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "2324-2" } ] }, "effectiveDateTime": "2026-09-01",
                  "valueQuantity": { "value": -5, "unit": "U/L" } } } ] }
            """;

        using var uploaded = await client.UploadAsync("/people/ann?handler=Upload", "upload", "labs.json", bundle, "/people/ann");
        var html = WebUtility.HtmlDecode(await uploaded.Content.ReadAsStringAsync());
        Assert.Contains("Upload labs.json: 2 stored, 1 not stored", html, StringComparison.Ordinal);
        Assert.Matches("<li>entry 3 \\(Observation/ggt-negative\\): [^<]*negative", html);
        using var notABundle = await client.UploadAsync("/people/ann?handler=Upload", "upload", "other.json", "{\"resourceType\": \"Patient\"}", "/people/ann");
        Assert.Contains("Upload other.json: 0 stored, 1 not stored", WebUtility.HtmlDecode(await notABundle.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var list = WebUtility.HtmlDecode(await client.GetPageAsync("/"));
        Assert.Contains("href=\"http://grafana.example.org:3000/grafana/d/livermuscle-adherence?var-user=ann\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"http://grafana.example.org:3000/grafana/d/livermuscle-sync-health?var-user=bob\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("glsa_", list, StringComparison.Ordinal);
    }

    /// <summary>Lets fake time pass (the sink flushes its batches on a timer) until the condition holds, within 60 real seconds.</summary>
    private static async Task WaitUntilAsync(ConsoleTestHost host, Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 60 s for {what}:\n{host.LogText}");
            host.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }

    private Task<ConsoleTestHost> StartAsync(IDictionary<string, string?>? settings = null) => ConsoleFlows.StartHostAsync(influx.Url, settings);

    private static Task<ConsoleClient> SignedInAsync(ConsoleTestHost host) => ConsoleFlows.SignedInAsync(host);
}
