using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Serialization;
using Xunit;

namespace LiverMuscle.Sync.Dashboards.Tests;

[Trait("Category", "Unit")]
public sealed class SchemaValidationTests
{
    public static TheoryData<string> Uids => [.. DashboardCatalog.All.Select(d => d.Uid)];

    [Theory]
    [MemberData(nameof(Uids))]
    public async Task Dashboard_ValidatesAgainstGrafanaDashboardSchema(string uid)
    {
        var json = Json(uid);

        var errors = await GrafanaSchemas.ValidateDashboardAsync(json.ToJsonString());

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public async Task EveryPanel_OptionsAndCustomFieldConfig_ValidateAgainstThePanelTypeSchema(string uid)
    {
        var errors = new List<string>();
        foreach (var panel in Json(uid)["panels"]!.AsArray().Select(p => p!.AsObject()))
        {
            errors.AddRange(await GrafanaSchemas.ValidatePanelAsync(panel));
        }

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public async Task EveryUnit_IsAGrafanaUnitOrACustomSuffix(string uid)
    {
        var known = await GrafanaSchemas.UnitIdsAsync();
        var units = Json(uid)["panels"]!.AsArray()
            .Select(p => p!["fieldConfig"]!["defaults"]!["unit"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

        Assert.NotEmpty(units);
        Assert.All(units, unit => Assert.True(known.Contains(unit) || unit.StartsWith("suffix:", StringComparison.Ordinal), $"unknown unit '{unit}'"));
    }

    [Fact]
    public async Task BrokenDashboard_WrongTypeForAPanelField_FailsValidation()
    {
        var json = Json(AdherenceDashboard.DashboardUid);
        json["panels"]![0]!["title"] = 42;

        var errors = await GrafanaSchemas.ValidateDashboardAsync(json.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task BrokenDashboard_PanelWiderThanTheGrid_FailsValidation()
    {
        var json = Json(SyncHealthDashboard.DashboardUid);
        json["panels"]![1]!["gridPos"]!["w"] = 25;

        var errors = await GrafanaSchemas.ValidateDashboardAsync(json.ToJsonString());

        Assert.Contains(errors, e => e.Contains("gridPos", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenDashboard_ExportForSharingKeysOrMissingTemplating_FailValidation()
    {
        var withInputs = Json(HouseholdDashboard.DashboardUid);
        withInputs["__inputs"] = new JsonArray();
        var withoutTemplating = Json(HouseholdDashboard.DashboardUid);
        withoutTemplating.Remove("templating");

        Assert.NotEmpty(await GrafanaSchemas.ValidateDashboardAsync(withInputs.ToJsonString()));
        Assert.NotEmpty(await GrafanaSchemas.ValidateDashboardAsync(withoutTemplating.ToJsonString()));
    }

    [Fact]
    public async Task BrokenPanel_TimeSeriesLegendWithoutRequiredKeys_FailsPanelValidation()
    {
        var panel = Json(AdherenceDashboard.DashboardUid)["panels"]![0]!.AsObject();
        panel["options"]!["legend"]!.AsObject().Remove("showLegend");

        var errors = await GrafanaSchemas.ValidatePanelAsync(panel);

        Assert.NotEmpty(errors);
    }

    private static JsonObject Json(string uid) => DashboardJson.ToNode(DashboardCatalog.All.Single(d => d.Uid == uid).Build());
}
