using System.Net;
using System.Text.Json.Nodes;
using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// Brings Grafana to what the code describes: the InfluxDB datasource, the folder and every catalog dashboard ("Worker"
/// only with <c>Grafana:PrometheusDatasource</c>, a datasource it does not create), each upserted by uid. Each object is read first and written only when it differs, so a second run writes nothing
/// and says so. Unreachable Grafana, a refused token or a missing permission stop the run with a clear message; a
/// dashboard Grafana refuses (e.g. 412) is reported and the others are still provisioned.
/// </summary>
public sealed class GrafanaProvisioner(GrafanaClient client, IOptions<GrafanaOptions> options, ILogger<GrafanaProvisioner> logger)
{
    public const string VersionMessage = "Provisioned by livermuscle-sync (dashboards as code)";

    public async Task<ProvisioningReport> ProvisionAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Url is null)
        {
            throw new GrafanaProvisioningException("Grafana:Url is not configured; set it (and Grafana:ServiceAccountToken) to provision Grafana.");
        }

        var version = await CheckHealthAsync(cancellationToken);
        var items = new List<ProvisionedItem>
        {
            await UpsertDatasourceAsync(o, cancellationToken),
            await UpsertFolderAsync(o, cancellationToken),
        };
        foreach (var definition in DashboardCatalog.Provisioned(o.PrometheusDatasource))
        {
            items.Add(await UpsertDashboardAsync(definition, o.FolderUid, cancellationToken));
        }

        foreach (var item in items)
        {
            Log.Provisioned(logger, item.Kind, item.Uid, item.Outcome);
        }

        return new ProvisioningReport(version, items);
    }

    private async Task<string> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync("check Grafana's health", "none (GET /api/health is public)", (api, ct) => api.GetHealthAsync(ct), cancellationToken);
        if (answer.Status != HttpStatusCode.OK)
        {
            throw new GrafanaProvisioningException($"Grafana's health check answered {(int)answer.Status}: {answer.Message}. Is {options.Value.Url} a Grafana server?");
        }

        return answer.Json?["version"]?.GetValue<string>() ?? "unknown";
    }

    private async Task<ProvisionedItem> UpsertDatasourceAsync(GrafanaOptions o, CancellationToken cancellationToken)
    {
        const string Kind = "datasource";
        var uid = DashboardDefaults.DatasourceUid;
        var desired = DatasourceCommandFactory.Create(o.Datasource);
        var existing = await client.SendAsync($"read datasource '{uid}'", "datasources:read", (api, ct) => api.GetDataSourceByUidAsync(uid, ct), cancellationToken);
        if (existing.Status == HttpStatusCode.OK)
        {
            if (DatasourceCommandFactory.Matches(desired, existing.Json!))
            {
                return new(Kind, uid, desired.Name, ProvisionOutcome.Unchanged);
            }

            var updated = await client.SendAsync($"update datasource '{uid}'", "datasources:write", (api, ct) => api.UpdateDataSourceByUidAsync(uid, desired, ct), cancellationToken);
            return updated.Status == HttpStatusCode.OK
                ? new(Kind, uid, desired.Name, ProvisionOutcome.Updated)
                : throw Refused($"update datasource '{uid}'", updated, updated.Status == HttpStatusCode.Conflict ? $"another datasource is already named '{desired.Name}'; change Grafana:Datasource:Name or rename that one" : null);
        }

        if (existing.Status != HttpStatusCode.NotFound)
        {
            throw Refused($"read datasource '{uid}'", existing, null);
        }

        var created = await client.SendAsync($"create datasource '{uid}'", "datasources:create", (api, ct) => api.AddDataSourceAsync(desired, ct), cancellationToken);
        return created.Status == HttpStatusCode.OK
            ? new(Kind, uid, desired.Name, ProvisionOutcome.Created)
            : throw Refused($"create datasource '{uid}'", created, created.Status == HttpStatusCode.Conflict ? $"a datasource named '{desired.Name}' already exists with another uid; change Grafana:Datasource:Name or delete that datasource" : null);
    }

    private async Task<ProvisionedItem> UpsertFolderAsync(GrafanaOptions o, CancellationToken cancellationToken)
    {
        const string Kind = "folder";
        var existing = await client.SendAsync($"read folder '{o.FolderUid}'", "folders:read", (api, ct) => api.GetFolderByUidAsync(o.FolderUid, ct), cancellationToken);
        if (existing.Status == HttpStatusCode.OK)
        {
            if (existing.Json?["title"]?.GetValue<string>() == o.FolderTitle)
            {
                return new(Kind, o.FolderUid, o.FolderTitle, ProvisionOutcome.Unchanged);
            }

            var version = existing.Json?["version"]?.GetValue<long>() ?? 0;
            var updated = await client.SendAsync($"rename folder '{o.FolderUid}'", "folders:write", (api, ct) => api.UpdateFolderAsync(o.FolderUid, new UpdateFolderCommand(o.FolderTitle, version, true), ct), cancellationToken);
            return updated.Status == HttpStatusCode.OK
                ? new(Kind, o.FolderUid, o.FolderTitle, ProvisionOutcome.Updated)
                : throw Refused($"rename folder '{o.FolderUid}'", updated, null);
        }

        if (existing.Status != HttpStatusCode.NotFound)
        {
            throw Refused($"read folder '{o.FolderUid}'", existing, null);
        }

        var created = await client.SendAsync($"create folder '{o.FolderUid}'", "folders:create", (api, ct) => api.CreateFolderAsync(new CreateFolderCommand(o.FolderUid, o.FolderTitle), ct), cancellationToken);
        return created.Status == HttpStatusCode.OK
            ? new(Kind, o.FolderUid, o.FolderTitle, ProvisionOutcome.Created)
            : throw Refused($"create folder '{o.FolderUid}'", created, created.Status == HttpStatusCode.Conflict ? "a folder with that uid or title already exists" : null);
    }

    private async Task<ProvisionedItem> UpsertDashboardAsync(IDashboardDefinition definition, string folderUid, CancellationToken cancellationToken)
    {
        const string Kind = "dashboard";
        var dashboard = definition.Build();
        var desired = DashboardJson.ToNode(dashboard);
        var existing = await client.SendAsync($"read dashboard '{dashboard.Uid}'", "dashboards:read", (api, ct) => api.GetDashboardByUidAsync(dashboard.Uid, ct), cancellationToken);
        var found = existing.Status == HttpStatusCode.OK;
        if (found)
        {
            var meta = existing.Json?["meta"];
            if (meta?["provisioned"]?.GetValue<bool>() == true)
            {
                return new(Kind, dashboard.Uid, dashboard.Title, ProvisionOutcome.Failed,
                    "this dashboard is file-provisioned in Grafana (deploy/grafana/provisioning) and cannot be saved through the API; use one of the two ways, not both");
            }

            if (meta?["folderUid"]?.GetValue<string>() == folderUid && JsonSubset.IsContainedIn(desired, existing.Json?["dashboard"]))
            {
                return new(Kind, dashboard.Uid, dashboard.Title, ProvisionOutcome.Unchanged);
            }
        }
        else if (existing.Status != HttpStatusCode.NotFound)
        {
            throw Refused($"read dashboard '{dashboard.Uid}'", existing, null);
        }

        var saved = await client.SendAsync(
            $"save dashboard '{dashboard.Uid}'",
            found ? "dashboards:write" : "dashboards:create",
            (api, ct) => api.PostDashboardAsync(new SaveDashboardCommand(desired, folderUid, true, VersionMessage), ct),
            cancellationToken);
        if (saved.Status == HttpStatusCode.OK)
        {
            var version = saved.Json?["version"]?.GetValue<long>();
            return new(Kind, dashboard.Uid, dashboard.Title, found ? ProvisionOutcome.Updated : ProvisionOutcome.Created, version is null ? null : $"version {version}");
        }

        return new(Kind, dashboard.Uid, dashboard.Title, ProvisionOutcome.Failed, DescribeSaveFailure(saved, dashboard.Title, folderUid));
    }

    private static string DescribeSaveFailure(GrafanaAnswer answer, string title, string folderUid) => (answer.Status, answer.StatusText) switch
    {
        (HttpStatusCode.PreconditionFailed, "version-mismatch") => $"412 version-mismatch: the dashboard was changed in Grafana after it was read; run provisioning again ({answer.Message})",
        (HttpStatusCode.PreconditionFailed, "name-exists") => $"412 name-exists: another dashboard titled '{title}' exists in folder '{folderUid}'; rename or delete it ({answer.Message})",
        (HttpStatusCode.PreconditionFailed, "plugin-dashboard") => $"412 plugin-dashboard: a plugin owns a dashboard with this uid; remove the plugin's dashboard first ({answer.Message})",
        (HttpStatusCode.PreconditionFailed, _) => $"412 precondition failed: {answer.Message}",
        _ => $"Grafana answered {(int)answer.Status}: {answer.Message}",
    };

    private static GrafanaProvisioningException Refused(string action, GrafanaAnswer answer, string? hint) =>
        new($"Grafana refused to {action} ({(int)answer.Status}): {answer.Message}{(hint is null ? string.Empty : "; " + hint)}.");
}
