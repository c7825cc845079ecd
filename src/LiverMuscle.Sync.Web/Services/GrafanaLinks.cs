using LiverMuscle.Sync.Dashboards.Catalog;
using LiverMuscle.Sync.Dashboards.Provisioning;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>Links to the provisioned dashboards opened on one person, when <c>Grafana:Url</c> is set.</summary>
internal sealed class GrafanaLinks(IOptionsMonitor<GrafanaOptions> options)
{
    public IReadOnlyList<DashboardLink> For(string personId) => options.CurrentValue.Url is not { } url
        ? []
        :
        [
            new("Adherence vs markers", Link(url, AdherenceDashboard.DashboardUid, personId)),
            new("Sync health", Link(url, SyncHealthDashboard.DashboardUid, personId)),
        ];

    private static Uri Link(Uri grafana, string uid, string personId) =>
        new(QueryHelpers.AddQueryString(new Uri(new Uri(grafana.AbsoluteUri.TrimEnd('/') + "/"), $"d/{uid}").AbsoluteUri, "var-user", personId));
}
