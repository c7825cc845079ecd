using LiverMuscle.Sync.Dashboards.Catalog;

namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>
/// Section <c>Grafana</c>. Provisioning is off while <see cref="Url"/> is empty. The datasource's InfluxDB settings
/// default to the <c>InfluxDb</c> section (Url, Database, Username, Password, Token).
/// </summary>
public sealed class GrafanaOptions
{
    public const string SectionName = "Grafana";

    /// <summary>Base URL of Grafana, e.g. <c>http://127.0.0.1:3000</c>; empty = no provisioning.</summary>
    public Uri? Url { get; set; }

    /// <summary>Service-account token (<c>glsa_…</c>), sent as <c>Authorization: Bearer</c> (secret). Role Admin to manage datasources.</summary>
    public string? ServiceAccountToken { get; set; }

    /// <summary>Folder the dashboards go to. Default <c>livermuscle</c>.</summary>
    public string FolderUid { get; set; } = DashboardDefaults.FolderUid;

    /// <summary>Default <c>LiverMuscle</c>.</summary>
    public string FolderTitle { get; set; } = DashboardDefaults.FolderTitle;

    /// <summary>Provision once when the worker starts. Default true (only when <see cref="Url"/> is set).</summary>
    public bool ProvisionAtStart { get; set; } = true;

    public GrafanaDatasourceOptions Datasource { get; set; } = new();

    /// <summary>Retries of one request on network errors and 5xx. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles each attempt. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit of one HTTP request. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() =>
        $"GrafanaOptions {{ Url = {Url}, FolderUid = {FolderUid}, ServiceAccountToken = {(ServiceAccountToken is null ? "(none)" : "***")}, Datasource = {Datasource} }}";
}
