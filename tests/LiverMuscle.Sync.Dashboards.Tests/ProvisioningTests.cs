using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Provisioning;
using LiverMuscle.Sync.Dashboards.Serialization;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

/// <summary>The provisioner against a strict fake Grafana on loopback.</summary>
public sealed class ProvisioningTests : IAsyncLifetime
{
    private FakeGrafana _grafana = null!;

    public async Task InitializeAsync() => _grafana = await FakeGrafana.StartAsync();

    public async Task DisposeAsync() => await _grafana.DisposeAsync();

    [Fact]
    public async Task FirstRun_CreatesEverything_SecondRunWritesNothingAndSaysSo()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);

        var first = await harness.Provisioner.ProvisionAsync(CancellationToken.None);
        var writesAfterFirst = _grafana.Writes;
        var second = await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        Assert.Equal("12.3.0", first.GrafanaVersion);
        Assert.All(first.Items, i => Assert.Equal(ProvisionOutcome.Created, i.Outcome));
        Assert.Equal(2 + DashboardCatalog.OnInfluxDb.Count, first.Items.Count);
        Assert.Equal(2 + DashboardCatalog.OnInfluxDb.Count, writesAfterFirst);
        Assert.True(second.NothingChanged);
        Assert.All(second.Items, i => Assert.Equal(ProvisionOutcome.Unchanged, i.Outcome));
        Assert.Equal(writesAfterFirst, _grafana.Writes);

        Assert.DoesNotContain(WorkerDashboard.DashboardUid, _grafana.Dashboards.Keys);
        foreach (var definition in DashboardCatalog.OnInfluxDb)
        {
            var stored = _grafana.Dashboards[definition.Uid];
            Assert.Equal(DashboardDefaults.FolderUid, stored.FolderUid);
            Assert.Equal(GrafanaProvisioner.VersionMessage, stored.Message);
            Assert.True(JsonNode.DeepEquals(DashboardJson.ToNode(definition.Build()), stored.Dashboard));
        }

        var datasource = _grafana.Datasources[DashboardDefaults.DatasourceUid];
        Assert.Equal("influxdb", datasource["type"]!.GetValue<string>());
        Assert.Equal("http://influxdb:8086", datasource["url"]!.GetValue<string>());
        Assert.Equal("livermuscle", datasource["jsonData"]!["dbName"]!.GetValue<string>());
        Assert.Equal("grafana", datasource["user"]!.GetValue<string>());
        Assert.Equal("influx-secret-password", datasource["secureJsonData"]!["password"]!.GetValue<string>());
        Assert.Equal("LiverMuscle", _grafana.Folders[DashboardDefaults.FolderUid]["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryRequestSent_MatchesGrafanasOpenApiContract()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);
        _grafana.Folders[DashboardDefaults.FolderUid] = new JsonObject { ["uid"] = DashboardDefaults.FolderUid, ["title"] = "Old title", ["version"] = 4 };

        await harness.Provisioner.ProvisionAsync(CancellationToken.None);
        _grafana.Datasources[DashboardDefaults.DatasourceUid]["url"] = "http://elsewhere:8086";
        await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        var methods = _grafana.Requests.Select(r => r.Method + " " + r.Path).ToHashSet();
        Assert.Contains("PUT /api/folders/livermuscle", methods);
        Assert.Contains("POST /api/datasources", methods);
        Assert.Contains("PUT /api/datasources/uid/livermuscle-influx", methods);
        Assert.Contains("POST /api/dashboards/db", methods);
        var problems = _grafana.Requests.SelectMany(r => GrafanaOpenApiContract.Default.Check(r.Method, r.Path, r.Body)).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task DashboardEditedInGrafana_IsPutBack_OthersUntouched()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);
        await harness.Provisioner.ProvisionAsync(CancellationToken.None);
        _grafana.Dashboards[HouseholdDashboard.DashboardUid].Dashboard["title"] = "Edited in the UI";

        var report = await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        var household = report.Items.Single(i => i.Uid == HouseholdDashboard.DashboardUid);
        Assert.Equal(ProvisionOutcome.Updated, household.Outcome);
        Assert.Equal("version 2", household.Detail);
        Assert.Equal("Household / clinic overview", _grafana.Dashboards[HouseholdDashboard.DashboardUid].Dashboard["title"]!.GetValue<string>());
        Assert.Single(report.Items, i => i.Outcome != ProvisionOutcome.Unchanged);
        var save = _grafana.Requests.Last(r => r.Method == "POST");
        Assert.True(save.Body!["overwrite"]!.GetValue<bool>());
        Assert.Equal(DashboardDefaults.FolderUid, save.Body["folderUid"]!.GetValue<string>());
    }

    [Fact]
    public async Task InfluxTokenConfigured_DatasourceSendsItAsAuthorizationHeader_NotAsUserPassword()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url, new Dictionary<string, string?>
        {
            ["InfluxDb:Token"] = "influx-v2-token",
            ["Grafana:Datasource:Url"] = "http://influx2.internal:8086",
        });

        await harness.Provisioner.ProvisionAsync(CancellationToken.None);
        var second = await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        var datasource = _grafana.Datasources[DashboardDefaults.DatasourceUid];
        Assert.Equal("http://influx2.internal:8086", datasource["url"]!.GetValue<string>());
        Assert.Equal("Authorization", datasource["jsonData"]!["httpHeaderName1"]!.GetValue<string>());
        Assert.Equal("Token influx-v2-token", datasource["secureJsonData"]!["httpHeaderValue1"]!.GetValue<string>());
        Assert.Null(datasource["user"]);
        Assert.Null(datasource["secureJsonData"]!["password"]);
        Assert.True(second.NothingChanged);
    }

    [Fact]
    public async Task DatasourceNameTakenByAnotherUid_Is409_WithWhatToChange()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);
        _grafana.Datasources["someone-elses"] = new JsonObject { ["uid"] = "someone-elses", ["name"] = "LiverMuscle InfluxDB", ["type"] = "influxdb" };

        var error = await Assert.ThrowsAsync<GrafanaProvisioningException>(() => harness.Provisioner.ProvisionAsync(CancellationToken.None));

        Assert.Contains("create datasource 'livermuscle-influx' (409)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Grafana:Datasource:Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongToken_FailsWith401Message_NamingTheSetting()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url, new Dictionary<string, string?> { ["Grafana:ServiceAccountToken"] = "glsa_wrong" });

        var error = await Assert.ThrowsAsync<GrafanaProvisioningException>(() => harness.Provisioner.ProvisionAsync(CancellationToken.None));

        Assert.Contains("refused the service-account token (401)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Grafana:ServiceAccountToken", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _grafana.Writes);
    }

    [Theory]
    [InlineData("datasources:create")]
    [InlineData("folders:create")]
    [InlineData("dashboards:create")]
    public async Task MissingPermission_FailsWith403Message_NamingThePermission(string permission)
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);
        _grafana.Granted.Remove(permission);

        var error = await Assert.ThrowsAsync<GrafanaProvisioningException>(() => harness.Provisioner.ProvisionAsync(CancellationToken.None));

        Assert.Contains($"lacks the permission '{permission}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardOwnedByAPlugin_Is412_ReportedWhileTheOthersAreProvisioned()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);
        _grafana.Dashboards[AdherenceDashboard.DashboardUid] = new StoredDashboard(new JsonObject { ["uid"] = AdherenceDashboard.DashboardUid, ["title"] = "Plugin's" }, "", 3, 99, false, "some-app", null);

        var report = await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        var failed = report.Items.Single(i => i.Outcome == ProvisionOutcome.Failed);
        Assert.Equal(AdherenceDashboard.DashboardUid, failed.Uid);
        Assert.Contains("412 plugin-dashboard", failed.Detail, StringComparison.Ordinal);
        Assert.False(report.Succeeded);
        Assert.Equal(ProvisionOutcome.Created, report.Items.Single(i => i.Uid == SyncHealthDashboard.DashboardUid).Outcome);
    }

    [Fact]
    public async Task FileProvisionedDashboard_IsReportedNotOverwritten()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);
        _grafana.Dashboards[SyncHealthDashboard.DashboardUid] = new StoredDashboard(new JsonObject { ["uid"] = SyncHealthDashboard.DashboardUid, ["title"] = "Sync health" }, DashboardDefaults.FolderUid, 1, 7, true, null, null);

        var report = await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        var item = report.Items.Single(i => i.Uid == SyncHealthDashboard.DashboardUid);
        Assert.Equal(ProvisionOutcome.Failed, item.Outcome);
        Assert.Contains("file-provisioned", item.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_grafana.Requests, r => r.Method == "POST" && r.Body?["dashboard"]?["uid"]?.GetValue<string>() == SyncHealthDashboard.DashboardUid);
    }

    [Fact]
    public async Task GrafanaStarting_503IsRetried_ThenProvisioningSucceeds()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);
        _grafana.UnhealthyAnswers = 2;

        var report = await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        Assert.True(report.Succeeded);
        Assert.Equal(3, _grafana.Requests.Count(r => r.Path == "/api/health"));
    }

    [Fact]
    public async Task UnreachableGrafana_IsRetriedThenFailsClearly()
    {
        var nobody = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        await using var harness = ProvisioningHarness.Create(nobody);

        var error = await Assert.ThrowsAsync<GrafanaProvisioningException>(() => harness.Provisioner.ProvisionAsync(CancellationToken.None));

        Assert.Contains($"Grafana at {nobody} is unreachable", error.Message, StringComparison.Ordinal);
        Assert.Contains("tried 3 times", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Secrets_NeverAppearInLogs()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);

        await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        var logs = harness.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, l => l.Message.Contains(FakeGrafana.Token, StringComparison.Ordinal) || l.Message.Contains("influx-secret-password", StringComparison.Ordinal));
        Assert.DoesNotContain(FakeGrafana.Token, harness.Get<IOptions<GrafanaOptions>>().Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusDatasourceNamed_TheWorkerDashboardIsProvisionedOnIt()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url, new Dictionary<string, string?> { ["Grafana:PrometheusDatasource"] = "site-prometheus" });

        var report = await harness.Provisioner.ProvisionAsync(CancellationToken.None);

        Assert.Contains(report.Items, i => i.Uid == WorkerDashboard.DashboardUid && i.Outcome == ProvisionOutcome.Created);
        var stored = _grafana.Dashboards[WorkerDashboard.DashboardUid];
        Assert.True(JsonNode.DeepEquals(DashboardJson.ToNode(new WorkerDashboard("site-prometheus").Build()), stored.Dashboard));
        var datasources = stored.Dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => t!["datasource"]!.ToJsonString()).Distinct();
        Assert.Equal(["""{"type":"prometheus","uid":"site-prometheus"}"""], datasources);
    }

    [Fact]
    public async Task HostedService_ProvisionsAtStart_WhenGrafanaIsConfigured()
    {
        await using var harness = ProvisioningHarness.Create(_grafana.Url);
        var hosted = harness.HostedService;

        await hosted.StartAsync(CancellationToken.None);
        await hosted.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(20));
        await hosted.StopAsync(CancellationToken.None);

        Assert.Equal(DashboardCatalog.OnInfluxDb.Count, _grafana.Dashboards.Count);
        Assert.Contains(harness.Logs.GetSnapshot(), l => l.Message.StartsWith("Grafana provisioning at start: 5 objects created or updated, 0 unchanged, 0 failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostedService_DoesNothing_WithoutGrafanaUrl()
    {
        await using var harness = ProvisioningHarness.Create(null);
        var hosted = harness.HostedService;

        await hosted.StartAsync(CancellationToken.None);
        await hosted.ExecuteTask!;

        Assert.Empty(_grafana.Requests);
    }

    [Theory]
    [InlineData("Grafana:ServiceAccountToken", "", "Grafana:ServiceAccountToken is required")]
    [InlineData("Grafana:Url", "ftp://grafana", "Grafana:Url must be an absolute http(s) URL")]
    [InlineData("Grafana:FolderUid", "bad uid!", "Grafana:FolderUid must be 1-40 characters")]
    [InlineData("Grafana:MaxRetries", "50", "Grafana:MaxRetries must be between 0 and 10")]
    [InlineData("Grafana:PrometheusDatasource", "no such uid!", "Grafana:PrometheusDatasource must be the uid of a Grafana datasource")]
    public void InvalidOptions_FailAtStart_NamingTheKey(string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => ProvisioningHarness.Create(_grafana.Url, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
